// GET /api/v1/projects/:projectId/budget - the project's budgets and what has been spent this period
// PUT /api/v1/projects/:projectId/budget - set the soft and hard limits for a period (admins)
import { db } from "@/lib/db";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { setBudget } from "@/lib/spend/set-budget";
import { setBudgetInput, toBudgetDto } from "@/lib/spend/budget-schemas";
import { projectSpendMicros } from "@/lib/spend/project-spend";
import { periodStart } from "@/lib/spend/period";

export const GET = withProject("spend.read", async ({ project }) => {
  const budgets = await db.budget.findMany({ where: { projectId: project.id } });
  const data = await Promise.all(
    budgets.map(async (b) => ({ ...toBudgetDto(b), spentMicros: Number(await projectSpendMicros({ projectId: project.id, since: periodStart(b.period) })) })),
  );
  return json({ data });
});

export const PUT = withProject("budget.manage", async ({ request, access, project }) => {
  const input = setBudgetInput.parse(await readJson(request));
  const budget = await setBudget({ access, projectId: project.id, input });
  return json(toBudgetDto(budget));
});
