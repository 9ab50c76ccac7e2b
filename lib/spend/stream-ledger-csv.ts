import { Prisma } from "@/lib/generated/prisma/client";
import { csvRow, csvText, isoUtc, usdDecimal } from "@/lib/spend/csv-format";
import { keysetCsvStream } from "@/lib/spend/keyset-csv-stream";
import { csvPageQuery } from "@/lib/spend/csv-page-query";
import type { SpendExportQuery } from "@/lib/spend/export-schemas";

// Small pages keep each pull's garbage (rows, the page's text) small: memory stays flat (npm run bench -- spend).
const PAGE = 2_000;
const HEADER = csvRow(["entry_id", "created_at", "project_id", "project", "generation_id", "member_id", "member_email", "model", "provider", "kind", "amount_usd", "amount_micros"]);

type Row = { id: string; createdAt: Date; projectId: string; project: string; generationId: string; userId: string | null; email: string | null; model: string; provider: string; kind: string; amount: string };

/**
 * The ledger's entries in a range (and filters) as CSV, oldest first, streamed a keyset page at a time. The caller has
 * been checked for "spend.read" on the team, or on the project it passes as the filter.
 */
export function streamLedgerCsv(o: { teamId: string; query: SpendExportQuery }): ReadableStream<Uint8Array> {
  const q = o.query;
  const filters = Prisma.sql`e."teamId" = ${o.teamId} AND e."createdAt" >= ${q.from} AND e."createdAt" < ${q.to}
    ${q.projectId ? Prisma.sql`AND e."projectId" = ${q.projectId}` : Prisma.empty}
    ${q.userId ? Prisma.sql`AND e."userId" = ${q.userId}` : Prisma.empty}
    ${q.model ? Prisma.sql`AND e.model = ${q.model}` : Prisma.empty}
    ${q.provider ? Prisma.sql`AND e.provider = ${q.provider}::"Provider"` : Prisma.empty}`;
  return keysetCsvStream<Row, { createdAt: Date; id: string }>({
    header: HEADER,
    bom: q.bom,
    page: (after) => csvPageQuery<Row>(Prisma.sql`
      SELECT e.id, e."createdAt", e."projectId", p.name AS project, e."generationId", e."userId", u.email, e.model,
             e.provider::text AS provider, e.kind::text AS kind, e."amountMicros"::text AS amount
        FROM "SpendEntry" e JOIN "Project" p ON p.id = e."projectId" LEFT JOIN "User" u ON u.id = e."userId"
       WHERE ${filters} ${after ? Prisma.sql`AND (e."createdAt", e.id) > (${after.createdAt}, ${after.id})` : Prisma.empty}
       ORDER BY e."createdAt", e.id
       LIMIT ${PAGE}`),
    cursorOf: (r) => ({ createdAt: r.createdAt, id: r.id }),
    line: (r) =>
      csvRow([r.id, isoUtc(r.createdAt), r.projectId, csvText(r.project), r.generationId, r.userId, csvText(r.email), r.model, r.provider, r.kind, usdDecimal(r.amount), r.amount]),
  });
}
