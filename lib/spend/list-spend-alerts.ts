import { db } from "@/lib/db";
import { periodStart } from "@/lib/spend/period";

/**
 * This month's spend alerts of a team (or of one project: its budget's, and its members' caps in it), newest first,
 * each with the names a person reads. The caller has been checked for "spend.read".
 */
export async function listSpendAlerts(options: { teamId: string; projectId?: string }) {
  const alerts = await db.spendAlert.findMany({
    where: {
      teamId: options.teamId,
      createdAt: { gte: periodStart("monthly") },
      ...(options.projectId ? { projectId: options.projectId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  const userIds = [...new Set(alerts.map((a) => a.userId).filter((id): id is string => id !== null))];
  const projectIds = [...new Set(alerts.map((a) => a.projectId).filter((id): id is string => id !== null))];
  const [users, projects] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.project.findMany({ where: { id: { in: projectIds }, teamId: options.teamId }, select: { id: true, name: true } }),
  ]);
  const who = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  const where = new Map(projects.map((p) => [p.id, p.name]));
  return alerts.map((a) => ({
    id: a.id,
    threshold: a.threshold,
    limitMicros: Number(a.limitMicros),
    spentMicros: Number(a.spentMicros),
    createdAt: a.createdAt.toISOString(),
    emailed: a.emailedAt !== null,
    limit:
      a.limitKind === "team_limit"
        ? "Team monthly limit"
        : a.limitKind === "project_budget"
          ? `Budget of ${where.get(a.projectId ?? "") ?? "a project"}`
          : `Cap of ${who.get(a.userId ?? "") ?? "a former member"}${a.projectId ? ` in ${where.get(a.projectId) ?? "a project"}` : ""}`,
  }));
}
export type SpendAlertItem = Awaited<ReturnType<typeof listSpendAlerts>>[number];
