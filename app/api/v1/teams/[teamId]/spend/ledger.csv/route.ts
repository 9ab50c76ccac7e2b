// GET /api/v1/teams/:teamId/spend/ledger.csv?from=&to=&projectId=&userId=&model=&provider=&bom=1 - the ledger as CSV, streamed
import { withTeam } from "@/lib/http/with-team";
import { spendExportQuery } from "@/lib/spend/export-schemas";
import { streamLedgerCsv } from "@/lib/spend/stream-ledger-csv";
import { csvResponse } from "@/lib/spend/csv-response";
import { rangeDays } from "@/lib/spend/spend-query-schemas";

export const GET = withTeam("spend.read", async ({ request, access }) => {
  const query = spendExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { from, to } = rangeDays(query);
  return csvResponse(streamLedgerCsv({ teamId: access.teamId, query }), `ledger-${from}-${to}.csv`);
});
