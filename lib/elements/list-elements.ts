import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { elementVersionUsage } from "@/lib/elements/element-usage";

/** The team's element library (active, or the archive), by name, each with how many generations used it. */
export async function listElements(options: { access: TeamAccess; archived?: boolean }) {
  const elements = await db.element.findMany({
    where: { teamId: options.access.teamId, archivedAt: options.archived ? { not: null } : null },
    include: { versions: { select: { id: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const usage = await elementVersionUsage(elements.flatMap((e) => e.versions.map((v) => v.id)));
  const current = await db.elementVersion.findMany({
    where: { OR: elements.map((e) => ({ elementId: e.id, version: e.currentVersion })) },
  });
  return elements.map(({ versions, ...element }) => ({
    element: { ...element, versions: current.filter((v) => v.elementId === element.id) },
    usageCount: versions.reduce((sum, v) => sum + (usage.get(v.id) ?? 0), 0),
  }));
}
