// GET /api/v1/projects/:projectId/budget/headroom - what may still be spent before a hard limit refuses (null: no limit); for the generate panel
import { json } from "@/lib/http/respond";
import { withProject } from "@/lib/http/with-project";
import { budgetHeadroom } from "@/lib/spend/budget-headroom";

export const GET = withProject("project.read", async ({ project }) => json(await budgetHeadroom({ projectId: project.id })));
