// GET /api/v1/teams/:teamId/spend?from=&to=&groupBy= - the team's spend for a range of UTC days, grouped, with totals
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { spendReport } from "@/lib/spend/spend-report";
import { spendRangeQuery } from "@/lib/spend/spend-query-schemas";

export const GET = withTeam("spend.read", async ({ request, access }) => {
  const range = spendRangeQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await spendReport({ teamId: access.teamId, range }));
});
