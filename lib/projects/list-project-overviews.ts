import { db } from "@/lib/db";
import { periodStart } from "@/lib/spend/period";
import { presignGet } from "@/lib/storage/presign-get";
import { listProjects } from "@/lib/projects/list-projects";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

const THUMBS_PER_PROJECT = 4;

export type ProjectOverview = {
  id: string;
  name: string;
  description: string | null;
  restricted: boolean;
  archivedAt: string | null;
  /** Settled spend plus open reservations since the first of this month (UTC). */
  monthSpendMicros: number;
  /** This month's hard limit, when one is set. */
  monthlyBudgetMicros: number | null;
  imageCount: number;
  thumbnails: { id: string; url: string }[];
};

/**
 * The projects list: every project the caller may see with what the list shows about it. A handful of grouped
 * queries whatever the number of projects, plus one small indexed read per project for its newest thumbnails.
 */
export async function listProjectOverviews(options: { access: TeamAccess; includeArchived?: boolean }): Promise<ProjectOverview[]> {
  const projects = await listProjects(options);
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);
  const [spend, counts, budgets, recent] = await Promise.all([
    db.spendEntry.groupBy({ by: ["projectId"], where: { projectId: { in: ids }, createdAt: { gte: periodStart("monthly") } }, _sum: { amountMicros: true } }),
    db.asset.groupBy({ by: ["projectId"], where: { projectId: { in: ids }, deletedAt: null }, _count: { _all: true } }),
    db.budget.findMany({ where: { projectId: { in: ids }, period: "monthly" }, select: { projectId: true, hardLimitMicros: true } }),
    Promise.all(
      ids.map((projectId) =>
        db.asset.findMany({
          where: { projectId, deletedAt: null },
          orderBy: { createdAt: "desc" },
          take: THUMBS_PER_PROJECT,
          select: { id: true, storageKey: true, thumbSmallKey: true },
        }),
      ),
    ),
  ]);
  const spendBy = new Map(spend.map((s) => [s.projectId, Number(s._sum.amountMicros ?? 0n)]));
  const countBy = new Map(counts.map((c) => [c.projectId, c._count._all]));
  const budgetBy = new Map(budgets.map((b) => [b.projectId, b.hardLimitMicros === null ? null : Number(b.hardLimitMicros)]));
  return Promise.all(
    projects.map(async (p, i) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      restricted: p.restricted,
      archivedAt: p.archivedAt?.toISOString() ?? null,
      monthSpendMicros: spendBy.get(p.id) ?? 0,
      monthlyBudgetMicros: budgetBy.get(p.id) ?? null,
      imageCount: countBy.get(p.id) ?? 0,
      thumbnails: await Promise.all((recent[i] ?? []).map(async (a) => ({ id: a.id, url: await presignGet(a.thumbSmallKey ?? a.storageKey) }))),
    })),
  );
}
