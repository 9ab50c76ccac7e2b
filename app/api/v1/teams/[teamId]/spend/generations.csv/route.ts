// GET /api/v1/teams/:teamId/spend/generations.csv?from=&to=&projectId=&userId=&model=&provider=&bom=1 - the per-generation costs as CSV, streamed
import { withTeam } from "@/lib/http/with-team";
import { spendExportQuery } from "@/lib/spend/export-schemas";
import { streamGenerationsCsv } from "@/lib/spend/stream-generations-csv";
import { csvResponse } from "@/lib/spend/csv-response";
import { rangeDays } from "@/lib/spend/spend-query-schemas";

export const GET = withTeam("spend.read", async ({ request, access }) => {
  const query = spendExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { from, to } = rangeDays(query);
  return csvResponse(streamGenerationsCsv({ teamId: access.teamId, query }), `generations-${from}-${to}.csv`);
});
