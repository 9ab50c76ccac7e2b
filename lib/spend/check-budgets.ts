import type pg from "pg";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import type { BudgetPeriod } from "@/lib/generated/prisma/enums";
import { periodStart } from "@/lib/spend/period";
import { formatUsd } from "@/lib/spend/format-usd";

// Raw SQL on the submit transaction's connection (lib/db-pool.ts): the submit path's writes are one plain
// transaction, which also carries the generation's row and its submit job (lib/generations/record-queued-generation.ts).
const LOCK = { name: "spend-lock", text: "SELECT pg_advisory_xact_lock(hashtext($1))" };
const BUDGETS = {
  name: "spend-budgets",
  text: `SELECT id, period::text AS period, "softLimitMicros"::text AS soft, "hardLimitMicros"::text AS hard FROM "Budget" WHERE "projectId" = $1`,
};
const SPENT_SINCE = {
  name: "spend-since",
  text: `SELECT COALESCE(SUM("amountMicros"), 0)::text AS spent FROM "SpendEntry" WHERE "projectId" = $1 AND "createdAt" >= $2::timestamp`,
};
const SOFT_ALERT = {
  name: "spend-soft-alert",
  text: `INSERT INTO "BudgetAlert" (id, "budgetId", "periodStart", kind, "spentMicros") VALUES ($1, $2, $3::timestamp, 'soft', $4::bigint)
         ON CONFLICT ("budgetId", "periodStart", kind) DO NOTHING`,
};

type BudgetRow = { id: string; period: BudgetPeriod; soft: string | null; hard: string | null };

/**
 * Checks a generation's estimate against the project's budgets inside the caller's transaction, before its
 * reservation is written there. A transaction advisory lock on the project serialises concurrent submits for it, so
 * two requests can never both fit into the last dollar. Over a hard limit → 402 with what remains; crossing a soft
 * limit records one alert per period.
 */
export async function checkBudgets(options: { client: pg.ClientBase; projectId: string; estimateMicros: bigint }) {
  const { client, projectId, estimateMicros } = options;
  await client.query({ ...LOCK, values: [spendLockKey(projectId)] });
  const { rows: budgets } = await client.query<BudgetRow>({ ...BUDGETS, values: [projectId] });
  for (const budget of budgets) {
    const start = periodStart(budget.period);
    const { rows } = await client.query<{ spent: string }>({ ...SPENT_SINCE, values: [projectId, start.toISOString()] });
    const before = BigInt(rows[0]!.spent);
    const after = before + estimateMicros;
    const hard = budget.hard === null ? null : BigInt(budget.hard);
    const soft = budget.soft === null ? null : BigInt(budget.soft);
    if (hard !== null && after > hard) {
      const remaining = hard - before > 0n ? hard - before : 0n;
      throw new AppError(
        "payment_required",
        `This would cost about ${formatUsd(estimateMicros)}, but only ${formatUsd(remaining)} of the project's ${budget.period} budget is left.`,
        { details: { remainingMicros: Number(remaining), estimateMicros: Number(estimateMicros), period: budget.period } },
      );
    }
    if (soft !== null && before < soft && after >= soft) {
      await client.query({ ...SOFT_ALERT, values: [createId("budgetAlert"), budget.id, start.toISOString(), after.toString()] });
    }
  }
}

/** The advisory lock that serialises a project's reservations against each other and against budget changes. */
export function spendLockKey(projectId: string) {
  return `spend:${projectId}`;
}
