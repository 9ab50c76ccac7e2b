import { z } from "zod";
import type { SpendCap } from "@/lib/generated/prisma/client";

// A cap is monthly and hard: submits that would pass it are refused (lib/spend/check-budgets.ts).
export const setSpendCapInput = z
  .object({
    /** null: the team-wide limit. */
    userId: z.string().min(1).nullable().default(null),
    /** Only with a member: the cap applies inside this project alone. */
    projectId: z.string().min(1).nullable().default(null),
    softLimitMicros: z.number().int("Use whole micro-dollars.").min(0, "A limit cannot be negative.").max(1e12, "That limit is too large.").nullable().default(null),
    hardLimitMicros: z.number().int("Use whole micro-dollars.").min(0, "A limit cannot be negative.").max(1e12, "That limit is too large."),
  })
  .strict()
  .refine((c) => c.projectId === null || c.userId !== null, { message: "A project cap needs a member.", path: ["projectId"] })
  .refine((c) => c.softLimitMicros === null || c.softLimitMicros <= c.hardLimitMicros, {
    message: "The alert threshold must not be above the hard limit.",
    path: ["softLimitMicros"],
  });
export type SetSpendCapInput = z.infer<typeof setSpendCapInput>;

export const removeSpendCapInput = z.object({ userId: z.string().min(1).nullable().default(null), projectId: z.string().min(1).nullable().default(null) }).strict();
export type RemoveSpendCapInput = z.infer<typeof removeSpendCapInput>;

/** The unique key of a cap within its team (see SpendCap in prisma/schema.prisma). */
export function capScope(c: { userId: string | null; projectId: string | null }) {
  if (!c.userId) return "team";
  return c.projectId ? `member:${c.userId}:${c.projectId}` : `member:${c.userId}`;
}

export function toSpendCapDto(cap: SpendCap) {
  return {
    id: cap.id,
    userId: cap.userId,
    projectId: cap.projectId,
    period: "monthly" as const,
    softLimitMicros: cap.softLimitMicros === null ? null : Number(cap.softLimitMicros),
    hardLimitMicros: Number(cap.hardLimitMicros),
    updatedAt: cap.updatedAt.toISOString(),
  };
}
