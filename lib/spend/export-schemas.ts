import { z } from "zod";
import { spendRangeQuery } from "@/lib/spend/spend-query-schemas";

const optionalId = z.string().min(1).max(64).optional();

/** A CSV export's range (UTC days, `to` inclusive; this month by default) and filters. */
export const spendExportQuery = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    projectId: optionalId,
    userId: optionalId,
    model: z.string().min(1).max(64).optional(),
    provider: z.enum(["kling", "wavespeed", "runware", "segmind", "fal"]).optional(),
    /** 1: start with a UTF-8 byte-order mark (what Excel needs to read UTF-8). */
    bom: z.enum(["0", "1"]).optional(),
  })
  .transform((q, ctx) => {
    const range = spendRangeQuery.safeParse({ from: q.from, to: q.to });
    if (!range.success) {
      for (const issue of range.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { from: range.data.from, to: range.data.to, projectId: q.projectId, userId: q.userId, model: q.model, provider: q.provider, bom: q.bom === "1" };
  });
export type SpendExportQuery = z.output<typeof spendExportQuery>;
