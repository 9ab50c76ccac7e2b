import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { formatUsd } from "@/lib/spend/format-usd";
import { log } from "@/lib/observability/log";

const LIMIT_NAMES: Record<string, string> = {
  project_budget: "the monthly budget of project",
  project_soft_limit: "the soft limit of project",
  team_soft_limit: "the team's soft limit",
  team_limit: "the team's monthly limit",
  member_cap: "the monthly cap of",
  member_project_cap: "the monthly cap in a project of",
};

/**
 * Emails one spend alert to the team's owners and admins, and to the member for a member's cap. Marks it emailed
 * afterwards, so a retry after a crash between the two may send twice but a finished alert never sends again.
 */
export async function sendSpendAlertEmails(options: { alertId: string }) {
  const alert = await db.spendAlert.findUnique({ where: { id: options.alertId }, include: { team: { select: { name: true } } } });
  if (!alert || alert.emailedAt) return;
  const [admins, member, project] = await Promise.all([
    db.membership.findMany({ where: { teamId: alert.teamId, role: { in: ["owner", "admin"] } }, include: { user: { select: { email: true } } } }),
    alert.userId ? db.user.findUnique({ where: { id: alert.userId }, select: { email: true, name: true } }) : null,
    alert.projectId ? db.project.findUnique({ where: { id: alert.projectId }, select: { name: true } }) : null,
  ]);
  const recipients = new Set(admins.map((m) => m.user.email));
  if (member && alert.limitKind.startsWith("member")) recipients.add(member.email);
  const what = [LIMIT_NAMES[alert.limitKind] ?? "a limit", alert.limitKind.startsWith("project") ? project?.name : alert.userId ? (member?.name ?? member?.email) : null]
    .filter(Boolean)
    .join(" ");
  const subject = `${alert.team.name}: ${alert.threshold}% of ${what} reached`;
  const text = [
    `${formatUsd(alert.spentMicros)} of ${formatUsd(alert.limitMicros)} (${alert.threshold}%) of ${what} is used this month.`,
    alert.threshold >= 100 ? "Generations that would go past it are refused until the next month or a higher limit." : "Generations beyond the limit will be refused.",
    "",
    `See spend: ${env().APP_URL}/spend`,
  ].join("\n");
  for (const to of recipients) await sendEmail({ to, subject, text });
  await db.spendAlert.update({ where: { id: alert.id }, data: { emailedAt: new Date() } });
  log("spend").info({ alertId: alert.id, recipients: recipients.size, threshold: alert.threshold }, "spend alert emailed");
}
