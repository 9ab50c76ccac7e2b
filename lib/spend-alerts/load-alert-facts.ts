import { db } from "@/lib/db";
import type { AlertFacts } from "@/lib/spend-alerts/describe-spend-alert";

/** A SpendAlert with the names its wording needs, or null when it is gone. */
export async function loadAlertFacts(options: { alertId: string }) {
  const alert = await db.spendAlert.findUnique({ where: { id: options.alertId }, include: { team: { select: { id: true, name: true } } } });
  if (!alert) return null;
  const [project, member] = await Promise.all([
    alert.projectId ? db.project.findUnique({ where: { id: alert.projectId }, select: { name: true } }) : null,
    alert.userId ? db.user.findUnique({ where: { id: alert.userId }, select: { name: true, email: true } }) : null,
  ]);
  const facts: AlertFacts = {
    limitKind: alert.limitKind,
    threshold: alert.threshold,
    limitMicros: alert.limitMicros,
    spentMicros: alert.spentMicros,
    projectId: alert.projectId,
    projectName: project?.name ?? null,
    memberName: member ? (member.name ?? member.email) : null,
  };
  return { alert, facts, member };
}
