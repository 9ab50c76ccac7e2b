import { db } from "@/lib/db";
import { toBudgetDto } from "@/lib/spend/budget-schemas";
import { projectSpendMicros } from "@/lib/spend/project-spend";
import { periodStart } from "@/lib/spend/period";

/** A project's budgets, each with what was spent in its current period. The caller has been checked on the project. */
export async function listBudgets(options: { project: { id: string } }) {
  const projectId = options.project.id;
  const budgets = await db.budget.findMany({ where: { projectId } });
  return Promise.all(
    budgets.map(async (b) => ({ ...toBudgetDto(b), spentMicros: Number(await projectSpendMicros({ projectId, since: periodStart(b.period) })) })),
  );
}
