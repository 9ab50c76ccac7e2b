// GET /api/v1/projects/:projectId/spend/ledger.csv?from=&to=&userId=&model=&provider=&bom=1 - the project's ledger as CSV, streamed
import { withProject } from "@/lib/http/with-project";
import { spendExportQuery } from "@/lib/spend/export-schemas";
import { streamLedgerCsv } from "@/lib/spend/stream-ledger-csv";
import { csvResponse } from "@/lib/spend/csv-response";
import { rangeDays } from "@/lib/spend/spend-query-schemas";

export const GET = withProject("spend.read", async ({ request, project }) => {
  // The path names the project: a projectId in the query can't widen (or move) the export.
  const query = { ...spendExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams)), projectId: project.id };
  const { from, to } = rangeDays(query);
  return csvResponse(streamLedgerCsv({ teamId: project.teamId, query }), `ledger-${from}-${to}.csv`);
});
