import type { BudgetPeriod } from "@/lib/generated/prisma/enums";

/** Start of the budget period containing `now` (calendar month in UTC, or the beginning of time for "total"). */
export function periodStart(period: BudgetPeriod, now = new Date()): Date {
  if (period === "total") return new Date(0);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
