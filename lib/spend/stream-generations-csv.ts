import { Prisma } from "@/lib/generated/prisma/client";
import { csvRow, csvText, isoUtc, usdDecimal } from "@/lib/spend/csv-format";
import { keysetCsvStream } from "@/lib/spend/keyset-csv-stream";
import { csvPageQuery } from "@/lib/spend/csv-page-query";
import type { SpendExportQuery } from "@/lib/spend/export-schemas";

// Small pages keep each pull's garbage (rows, the page's text) small: memory stays flat (npm run bench -- spend).
const PAGE = 2_000;
const HEADER = csvRow([
  "generation_id", "created_at", "finished_at", "project_id", "project", "member_id", "member_email", "model", "provider", "mode",
  "images", "status", "estimate_usd", "estimate_micros", "actual_usd", "actual_micros",
]);

type Row = {
  id: string; createdAt: Date; finishedAt: Date | null; projectId: string; project: string; userId: string | null; email: string | null;
  model: string; provider: string; mode: string; images: number; status: string; estimate: string; actual: string | null;
};

/**
 * One row per generation created in the range (and filters): what it was estimated to cost and what it cost (empty
 * until settled; 0 for a failure, whose reservation was given back). Streamed a keyset page at a time. The caller has
 * been checked for "spend.read" on the team, or on the project it passes as the filter.
 */
export function streamGenerationsCsv(o: { teamId: string; query: SpendExportQuery }): ReadableStream<Uint8Array> {
  const q = o.query;
  const filters = Prisma.sql`g."teamId" = ${o.teamId} AND g."createdAt" >= ${q.from} AND g."createdAt" < ${q.to}
    ${q.projectId ? Prisma.sql`AND g."projectId" = ${q.projectId}` : Prisma.empty}
    ${q.userId ? Prisma.sql`AND g."createdById" = ${q.userId}` : Prisma.empty}
    ${q.model ? Prisma.sql`AND g.model = ${q.model}` : Prisma.empty}
    ${q.provider ? Prisma.sql`AND g.provider = ${q.provider}::"Provider"` : Prisma.empty}`;
  return keysetCsvStream<Row, { createdAt: Date; id: string }>({
    header: HEADER,
    bom: q.bom,
    page: (after) => csvPageQuery<Row>(Prisma.sql`
      SELECT g.id, g."createdAt", COALESCE(g."succeededAt", g."failedAt", g."cancelledAt") AS "finishedAt", g."projectId", p.name AS project,
             g."createdById" AS "userId", u.email, g.model, g.provider::text AS provider, g.mode::text AS mode, g."numImages" AS images,
             g.status::text AS status, g."estimatedCostMicros"::text AS estimate,
             CASE WHEN g.status IN ('failed', 'cancelled') THEN '0' ELSE g."actualCostMicros"::text END AS actual
        FROM "Generation" g JOIN "Project" p ON p.id = g."projectId" LEFT JOIN "User" u ON u.id = g."createdById"
       WHERE ${filters} ${after ? Prisma.sql`AND (g."createdAt", g.id) > (${after.createdAt}, ${after.id})` : Prisma.empty}
       ORDER BY g."createdAt", g.id
       LIMIT ${PAGE}`),
    cursorOf: (r) => ({ createdAt: r.createdAt, id: r.id }),
    line: (r) =>
      csvRow([
        r.id, isoUtc(r.createdAt), isoUtc(r.finishedAt), r.projectId, csvText(r.project), r.userId, csvText(r.email), r.model, r.provider,
        r.mode.replace(/_/g, "-"), r.images, r.status, usdDecimal(r.estimate), r.estimate, usdDecimal(r.actual), r.actual,
      ]),
  });
}
