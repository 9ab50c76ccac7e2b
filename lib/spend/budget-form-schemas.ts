import { z } from "zod";

// Limits typed in dollars in the studio's forms; empty means "no limit". Stored as micro-USD.
const usd = (message: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : Number(v.replace(/^\$/, "").replace(/,/g, ""))))
    .pipe(z.number("Enter an amount in dollars, like 250.").min(0, message).max(1_000_000, "That amount is too large.").nullable())
    .transform((v) => (v === null ? null : Math.round(v * 1_000_000)));

/** A project's or the team's monthly limits: an alert threshold and a hard limit, either may be empty. */
export const limitsForm = z
  .object({ softUsd: usd("A limit cannot be negative."), hardUsd: usd("A limit cannot be negative.") })
  .refine((l) => l.softUsd === null || l.hardUsd === null || l.softUsd <= l.hardUsd, {
    message: "The alert threshold must not be above the hard limit.",
    path: ["softUsd"],
  });

/** A member's monthly cap, across the team or in one project. */
export const memberCapForm = z.object({
  userId: z.string().min(1, "Choose a member."),
  projectId: z.string().transform((v) => (v === "" ? null : v)),
  hardUsd: usd("A cap cannot be negative.").refine((v) => v !== null, "Enter the cap in dollars, like 50."),
});

/** Micro-USD as the plain dollar figure a form field shows back (no symbol, no grouping). */
export function usdFieldValue(micros: number | null | undefined) {
  if (micros === null || micros === undefined) return "";
  return String(micros / 1_000_000);
}
