import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import type { Provider } from "@/lib/generated/prisma/enums";
import { periodStart } from "@/lib/spend/period";
import { formatUsd } from "@/lib/spend/format-usd";

type ReservationOptions = {
  teamId: string;
  projectId: string;
  generationId: string;
  userId: string | null;
  model: string;
  provider: Provider;
  estimateMicros: bigint;
};

/** The ledger row that holds a generation's estimate until it is settled or released. */
export function reservationEntry(options: ReservationOptions) {
  return {
    id: createId("spend"),
    teamId: options.teamId,
    projectId: options.projectId,
    generationId: options.generationId,
    userId: options.userId,
    model: options.model,
    provider: options.provider,
    kind: "reservation" as const,
    amountMicros: options.estimateMicros,
  };
}

/**
 * Reserves a generation's estimate against the project's budgets, inside the caller's transaction. A transaction
 * advisory lock on the project serialises concurrent submits for it, so two requests can never both fit into the
 * last dollar. Over a hard limit → 402 with what remains; crossing a soft limit records one alert per period.
 */
export async function reserveSpend(options: ReservationOptions & { tx: Tx }) {
  const { tx, projectId, estimateMicros } = options;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${spendLockKey(projectId)}))`;
  const budgets = await tx.budget.findMany({ where: { projectId } });
  for (const budget of budgets) {
    const start = periodStart(budget.period);
    const spent = await tx.spendEntry.aggregate({ where: { projectId, createdAt: { gte: start } }, _sum: { amountMicros: true } });
    const before = spent._sum.amountMicros ?? 0n;
    const after = before + estimateMicros;
    if (budget.hardLimitMicros !== null && after > budget.hardLimitMicros) {
      const remaining = budget.hardLimitMicros - before > 0n ? budget.hardLimitMicros - before : 0n;
      throw new AppError(
        "payment_required",
        `This would cost about ${formatUsd(estimateMicros)}, but only ${formatUsd(remaining)} of the project's ${budget.period} budget is left.`,
        { details: { remainingMicros: Number(remaining), estimateMicros: Number(estimateMicros), period: budget.period } },
      );
    }
    if (budget.softLimitMicros !== null && before < budget.softLimitMicros && after >= budget.softLimitMicros) {
      await tx.budgetAlert.createMany({
        data: [{ id: createId("budgetAlert"), budgetId: budget.id, periodStart: start, kind: "soft", spentMicros: after }],
        skipDuplicates: true,
      });
    }
  }
  // createMany: nothing to read back, so no RETURNING row to map.
  await tx.spendEntry.createMany({ data: [reservationEntry(options)] });
}

/** The advisory lock that serialises a project's reservations against each other and against budget changes. */
export function spendLockKey(projectId: string) {
  return `spend:${projectId}`;
}
