import { db } from "@/lib/db";
import { projectSpendMicros } from "@/lib/spend/project-spend";
import { periodStart } from "@/lib/spend/period";

/**
 * What the project may still spend before a hard limit refuses a generation: the tightest of its budgets with a hard
 * limit (spent includes open reservations, as checkBudgets counts them), or null when nothing limits it. The generate
 * panel shows it next to the estimate and disables Generate with the reason when the estimate doesn't fit; the submit
 * path still decides (checkBudgets under the project's lock). Editors see this much of the budget, not the ledger.
 */
export async function budgetHeadroom(options: { projectId: string }) {
  const budgets = await db.budget.findMany({ where: { projectId: options.projectId, hardLimitMicros: { not: null } } });
  let tightest: { remainingMicros: number; hardLimitMicros: number; period: string } | null = null;
  for (const b of budgets) {
    const spent = await projectSpendMicros({ projectId: options.projectId, since: periodStart(b.period) });
    const remaining = b.hardLimitMicros! - spent;
    const value = { remainingMicros: Number(remaining > 0n ? remaining : 0n), hardLimitMicros: Number(b.hardLimitMicros), period: b.period };
    if (!tightest || value.remainingMicros < tightest.remainingMicros) tightest = value;
  }
  return { headroom: tightest };
}
