// GET /api/v1/projects/:projectId/spend?from=&to=&groupBy= - the project's spend for a range of UTC days, grouped, with totals
import { json } from "@/lib/http/respond";
import { withProject } from "@/lib/http/with-project";
import { spendReport } from "@/lib/spend/spend-report";
import { spendRangeQuery } from "@/lib/spend/spend-query-schemas";

export const GET = withProject("spend.read", async ({ request, project }) => {
  const range = spendRangeQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await spendReport({ teamId: project.teamId, projectId: project.id, range }));
});
