import { z } from "zod";

export const SPEND_GROUPS = ["day", "model", "provider", "member", "element", "project"] as const;
export type SpendGroupBy = (typeof SPEND_GROUPS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.");

/**
 * A spend page's or endpoint's range: whole UTC days, `to` inclusive; this month so far by default. Dates are days,
 * not instants, so a finance lead's "1 to 31 December" means the same to everyone.
 */
export const spendRangeQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    groupBy: z.enum(SPEND_GROUPS).default("day"),
  })
  .transform((q, ctx) => {
    const now = new Date();
    const from = q.from ? new Date(`${q.from}T00:00:00.000Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const toDay = q.to ? new Date(`${q.to}T00:00:00.000Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    if (Number.isNaN(from.getTime())) ctx.addIssue({ code: "custom", message: "Not a date.", path: ["from"] });
    if (Number.isNaN(toDay.getTime())) ctx.addIssue({ code: "custom", message: "Not a date.", path: ["to"] });
    if (toDay < from) ctx.addIssue({ code: "custom", message: "The end is before the start.", path: ["to"] });
    const to = new Date(toDay.getTime() + 86_400_000);
    return { from, to, groupBy: q.groupBy };
  });
export type SpendRange = z.output<typeof spendRangeQuery>;

/** The range as the `from`/`to` days it was given in (to inclusive). */
export function rangeDays(range: { from: Date; to: Date }) {
  return { from: range.from.toISOString().slice(0, 10), to: new Date(range.to.getTime() - 86_400_000).toISOString().slice(0, 10) };
}
