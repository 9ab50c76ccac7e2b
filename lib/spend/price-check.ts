import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type PriceCheckRow = {
  generationId: string;
  projectId: string;
  projectName: string;
  model: string;
  provider: string;
  resolution: string;
  /** Our price table's figure for the images that came back. */
  listMicros: number;
  /** What the provider reported (and what we settled). */
  providerMicros: number;
  /** providerMicros − listMicros: positive when the provider charged more than our table says. */
  differenceMicros: number;
  settledAt: string;
};

type Row = {
  generation_id: string;
  project_id: string;
  project_name: string;
  model: string;
  provider: string;
  resolution: string;
  list: string;
  reported: string;
  settled_at: Date;
  total: number;
  total_difference: string;
};

// The page and the API show the newest differences; the count and the summed difference cover the whole range.
const LIMIT = 50;

/**
 * Reconciliation: the generations settled in [from, to) whose provider-reported cost differs from our price table,
 * newest first — a price change at a provider shows here the day it happens. Read from the generations' partial index
 * of differing costs (Generation_price_difference_idx: a handful a month), each joined to its settlement entry for the
 * date, rather than from every settlement of the range joined to its generation (a second pass over the whole range,
 * which made the month dashboard ~1.7× a hand-written aggregate of its figures: npm run bench -- spend). A generation
 * is settled after it is created, so created before `to` (a day's margin for clock skew between writers) bounds the
 * index scan. The caller has been checked for "spend.read" on the team or project.
 */
export async function priceCheck(o: { teamId: string; projectId?: string; from: Date; to: Date }) {
  const createdBefore = new Date(o.to.getTime() + 86_400_000);
  // The difference is written as "(provider − list) <> 0", the index's predicate, so the planner can use the index
  // and the statistics on that expression (see the migration) for how few rows it holds.
  const rows = await db.$queryRaw<Row[]>`
    SELECT g.id AS generation_id, g."projectId" AS project_id, p.name AS project_name, g.model, g.provider::text AS provider,
           g.resolution, g."listCostMicros"::text AS list, g."providerCostMicros"::text AS reported, e."createdAt" AS settled_at,
           (COUNT(*) OVER ())::int AS total,
           (SUM(g."providerCostMicros" - g."listCostMicros") OVER ())::text AS total_difference
      FROM "Generation" g
      JOIN "SpendEntry" e ON e."generationId" = g.id AND e.kind = 'settlement'
      JOIN "Project" p ON p.id = g."projectId"
     WHERE g."teamId" = ${o.teamId} ${o.projectId ? Prisma.sql`AND g."projectId" = ${o.projectId}` : Prisma.empty}
       AND (g."providerCostMicros" - g."listCostMicros") <> 0 AND g."createdAt" < ${createdBefore}
       AND e."createdAt" >= ${o.from} AND e."createdAt" < ${o.to}
     ORDER BY e."createdAt" DESC, g.id DESC
     LIMIT ${LIMIT}`;
  const first = rows[0];
  return {
    /** Generations in the range whose reported cost differs (may exceed the rows listed). */
    count: first?.total ?? 0,
    differenceMicros: first ? Number(first.total_difference) : 0,
    rows: rows.map(
      (r): PriceCheckRow => ({
        generationId: r.generation_id,
        projectId: r.project_id,
        projectName: r.project_name,
        model: r.model,
        provider: r.provider,
        resolution: r.resolution,
        listMicros: Number(r.list),
        providerMicros: Number(r.reported),
        differenceMicros: Number(r.reported) - Number(r.list),
        settledAt: r.settled_at.toISOString(),
      }),
    ),
  };
}
export type PriceCheck = Awaited<ReturnType<typeof priceCheck>>;
