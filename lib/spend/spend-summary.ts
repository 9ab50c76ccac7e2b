import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SpendGroupBy } from "@/lib/spend/spend-query-schemas";

export type SpendFigures = {
  /** Net ledger sum: settled costs plus reservations still open. */
  spentMicros: number;
  /** Actual costs settled in the range (no open reservations): what "cost per image" divides. */
  settledMicros: number;
  /** Generations whose estimate was reserved in the range. */
  generations: number;
  /** Images of the generations settled in the range. */
  images: number;
  /** Generations that failed, their reservation given back in the range. */
  failed: number;
  /** Generations whose reservation was given back whole in the range (failed or cancelled), and how much. */
  refunded: number;
  refundedMicros: number;
};
export type SpendGroup = SpendFigures & { key: string | null; label: string };

type Row = { key: string | null; label: string | null; spent: string; settled: string; generations: number; images: number; failed: number; refunded: number; refunded_micros: string };

// Group key and label per grouping. "element" joins a generation to each element it used, so a generation with two
// elements counts under both (its rows don't add up to the total, which the page says); none is the null key.
const GROUPS: Record<SpendGroupBy, { key: Prisma.Sql; label: Prisma.Sql; join: Prisma.Sql }> = {
  day: { key: Prisma.sql`to_char(date_trunc('day', e."createdAt"), 'YYYY-MM-DD')`, label: Prisma.sql`to_char(date_trunc('day', e."createdAt"), 'YYYY-MM-DD')`, join: Prisma.empty },
  model: { key: Prisma.sql`e.model`, label: Prisma.sql`e.model`, join: Prisma.empty },
  provider: { key: Prisma.sql`e.provider::text`, label: Prisma.sql`e.provider::text`, join: Prisma.empty },
  member: {
    key: Prisma.sql`e."userId"`,
    label: Prisma.sql`COALESCE(MIN(u.name), MIN(u.email), 'Removed member')`,
    join: Prisma.sql`LEFT JOIN "User" u ON u.id = e."userId"`,
  },
  project: { key: Prisma.sql`e."projectId"`, label: Prisma.sql`MIN(p.name)`, join: Prisma.sql`JOIN "Project" p ON p.id = e."projectId"` },
  element: {
    key: Prisma.sql`el.id`,
    label: Prisma.sql`COALESCE(MIN(el.name), 'No element')`,
    join: Prisma.sql`LEFT JOIN "GenerationElement" ge ON ge."generationId" = e."generationId"
                     LEFT JOIN "ElementVersion" ev ON ev.id = ge."elementVersionId"
                     LEFT JOIN "Element" el ON el.id = ev."elementId"`,
  },
};

const FIGURES = Prisma.sql`
  COALESCE(SUM(e."amountMicros"), 0)::text AS spent,
  COALESCE(SUM(e."amountMicros") FILTER (WHERE e.kind = 'settlement'), 0)::text AS settled,
  (COUNT(*) FILTER (WHERE e.kind = 'reservation'))::int AS generations,
  COALESCE(SUM(g."numImages") FILTER (WHERE e.kind = 'settlement'), 0)::int AS images,
  (COUNT(*) FILTER (WHERE e.kind = 'release' AND g.status = 'failed'))::int AS failed,
  (COUNT(*) FILTER (WHERE e.kind = 'release' AND g.status <> 'succeeded'))::int AS refunded,
  (-COALESCE(SUM(e."amountMicros") FILTER (WHERE e.kind = 'release' AND g.status <> 'succeeded'), 0))::text AS refunded_micros`;

function scope(o: { teamId: string; projectId?: string; from: Date; to: Date }) {
  return Prisma.sql`e."teamId" = ${o.teamId} ${o.projectId ? Prisma.sql`AND e."projectId" = ${o.projectId}` : Prisma.empty}
    AND e."createdAt" >= ${o.from} AND e."createdAt" < ${o.to}`;
}

function figures(r: Row): SpendFigures {
  return {
    spentMicros: Number(r.spent),
    settledMicros: Number(r.settled),
    generations: r.generations,
    images: r.images,
    failed: r.failed,
    refunded: r.refunded,
    refundedMicros: Number(r.refunded_micros),
  };
}

/**
 * A team's (or one project's) spend over [from, to), grouped: every figure is one aggregate over the ledger joined to
 * its generations, never a stored copy. The caller has been checked for "spend.read" on the team or project.
 */
export async function spendSummary(o: { teamId: string; projectId?: string; from: Date; to: Date; groupBy: SpendGroupBy }) {
  const group = GROUPS[o.groupBy];
  const [rows, totals] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT ${group.key} AS key, ${group.label} AS label, ${FIGURES}
        FROM "SpendEntry" e JOIN "Generation" g ON g.id = e."generationId" ${group.join}
       WHERE ${scope(o)}
       GROUP BY 1
       ORDER BY ${o.groupBy === "day" ? Prisma.sql`1` : Prisma.sql`SUM(e."amountMicros") DESC, 1`}`,
    db.$queryRaw<Row[]>`
      SELECT NULL AS key, NULL AS label, ${FIGURES}
        FROM "SpendEntry" e JOIN "Generation" g ON g.id = e."generationId"
       WHERE ${scope(o)}`,
  ]);
  const groups: SpendGroup[] = rows.map((r) => ({ key: r.key, label: r.label ?? r.key ?? noneLabel(o.groupBy), ...figures(r) }));
  return { groupBy: o.groupBy, groups, totals: figures(totals[0]!) };
}

function noneLabel(groupBy: SpendGroupBy) {
  return groupBy === "element" ? "No element" : groupBy === "member" ? "Removed member" : "—";
}
