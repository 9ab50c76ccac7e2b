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
 * newest first — a price change at a provider shows here the day it happens. Read from the settlement entries (the
 * ledger's team/project + date indexes) joined to the generation's two stored figures. The caller has been checked
 * for "spend.read" on the team or project.
 */
export async function priceCheck(o: { teamId: string; projectId?: string; from: Date; to: Date }) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT g.id AS generation_id, g."projectId" AS project_id, p.name AS project_name, g.model, g.provider::text AS provider,
           g.resolution, g."listCostMicros"::text AS list, g."providerCostMicros"::text AS reported, e."createdAt" AS settled_at,
           (COUNT(*) OVER ())::int AS total,
           (SUM(g."providerCostMicros" - g."listCostMicros") OVER ())::text AS total_difference
      FROM "SpendEntry" e
      JOIN "Generation" g ON g.id = e."generationId"
      JOIN "Project" p ON p.id = g."projectId"
     WHERE e."teamId" = ${o.teamId} ${o.projectId ? Prisma.sql`AND e."projectId" = ${o.projectId}` : Prisma.empty}
       AND e.kind = 'settlement' AND e."createdAt" >= ${o.from} AND e."createdAt" < ${o.to}
       AND g."providerCostMicros" IS NOT NULL AND g."listCostMicros" IS NOT NULL
       AND g."providerCostMicros" <> g."listCostMicros"
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
