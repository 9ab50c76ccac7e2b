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
  const order = o.groupBy === "day" ? Prisma.sql`${group.key}` : Prisma.sql`SUM(e."amountMicros") DESC, ${group.key}`;
  let rows: Row[];
  let totals: Row;
  if (o.groupBy === "element") {
    // The element join repeats a generation once per element, so the total is its own aggregate over the plain ledger.
    const [grouped, total] = await Promise.all([
      db.$queryRaw<Row[]>`
        SELECT ${group.key} AS key, ${group.label} AS label, ${FIGURES}
          FROM "SpendEntry" e JOIN "Generation" g ON g.id = e."generationId" ${group.join}
         WHERE ${scope(o)}
         GROUP BY 1
         ORDER BY ${order}`,
      db.$queryRaw<Row[]>`
        SELECT NULL AS key, NULL AS label, ${FIGURES}
          FROM "SpendEntry" e JOIN "Generation" g ON g.id = e."generationId"
         WHERE ${scope(o)}`,
    ]);
    rows = grouped;
    totals = total[0]!;
  } else {
    // Groups and total in one pass over the range (GROUPING SETS): the month dashboard reads the ledger once, not twice
    // (npm run bench -- spend).
    const all = await db.$queryRaw<(Row & { is_total: number })[]>`
      SELECT ${group.key} AS key, ${group.label} AS label, GROUPING(${group.key})::int AS is_total, ${FIGURES}
        FROM "SpendEntry" e JOIN "Generation" g ON g.id = e."generationId" ${group.join}
       WHERE ${scope(o)}
       GROUP BY GROUPING SETS ((${group.key}), ())
       ORDER BY GROUPING(${group.key}), ${order}`;
    rows = all.filter((r) => r.is_total === 0);
    totals = all.find((r) => r.is_total === 1)!;
  }
  const groups: SpendGroup[] = rows.map((r) => ({ key: r.key, label: r.label ?? r.key ?? noneLabel(o.groupBy), ...figures(r) }));
  return { groupBy: o.groupBy, groups, totals: figures(totals) };
}

function noneLabel(groupBy: SpendGroupBy) {
  return groupBy === "element" ? "No element" : groupBy === "member" ? "Removed member" : "—";
}
