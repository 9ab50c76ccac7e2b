import { z } from "zod";
import type { Budget } from "@/lib/generated/prisma/client";

const micros = z.number().int("Use whole micro-dollars.").min(0, "A limit cannot be negative.").max(1e12, "That limit is too large.").nullable();

export const setBudgetInput = z
  .object({
    period: z.enum(["monthly", "total"]).default("monthly"),
    softLimitMicros: micros.default(null),
    hardLimitMicros: micros.default(null),
  })
  .strict()
  .refine((b) => b.softLimitMicros === null || b.hardLimitMicros === null || b.softLimitMicros <= b.hardLimitMicros, {
    message: "The alert threshold must not be above the hard limit.",
    path: ["softLimitMicros"],
  });
export type SetBudgetInput = z.infer<typeof setBudgetInput>;

export function toBudgetDto(budget: Budget) {
  return {
    id: budget.id,
    period: budget.period,
    softLimitMicros: budget.softLimitMicros === null ? null : Number(budget.softLimitMicros),
    hardLimitMicros: budget.hardLimitMicros === null ? null : Number(budget.hardLimitMicros),
    updatedAt: budget.updatedAt.toISOString(),
  };
}
