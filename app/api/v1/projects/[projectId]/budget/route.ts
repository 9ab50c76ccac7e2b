// GET /api/v1/projects/:projectId/budget - the project's budgets and what has been spent this period
// PUT /api/v1/projects/:projectId/budget - set the soft and hard limits for a period (admins)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { setBudget } from "@/lib/spend/set-budget";
import { setBudgetInput, toBudgetDto } from "@/lib/spend/budget-schemas";
import { listBudgets } from "@/lib/spend/list-budgets";

export const GET = withProject("spend.read", async ({ project }) => {
  return json({ data: await listBudgets({ project }) });
});

export const PUT = withProject("budget.manage", async ({ request, access, project }) => {
  const input = setBudgetInput.parse(await readJson(request));
  const budget = await setBudget({ access, projectId: project.id, input });
  return json(toBudgetDto(budget));
});
