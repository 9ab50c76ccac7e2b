import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";
import { periodStart } from "@/lib/spend/period";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { channelWants, parseChannels } from "@/lib/spend-alerts/alert-settings-schemas";
import { describeSpendAlert } from "@/lib/spend-alerts/describe-spend-alert";
import type { ActiveSpendAlertDto } from "@/lib/spend-alerts/active-alert-schemas";
import { currentLimitUsage } from "@/lib/spend-alerts/current-limit-usage";

// The banner's share: 80 % and 100 % only (50 % is a notification, not a reason to interrupt every page).
const BANNER_THRESHOLD = 80;

/**
 * The limits of the current period at 80 % or more that the caller should see across the studio: owners and admins
 * (spend.read) every one; other members those about their own caps and about projects they can read. One entry per
 * limit, its highest threshold still reached with the limit's current value and this period's spend, highest first.
 * Periods are calendar months (and all time for "total" budgets), so a new month starts with no banner: last month's
 * rows simply fall out of the window.
 */
export async function listActiveSpendAlerts(options: { access: TeamAccess; now?: Date }): Promise<ActiveSpendAlertDto[]> {
  const { access } = options;
  const settings = await db.spendAlertSettings.findUnique({ where: { teamId: access.teamId }, select: { channels: true } });
  const rows = await db.spendAlert.findMany({
    where: { teamId: access.teamId, threshold: { gte: BANNER_THRESHOLD }, periodStart: { in: [periodStart("monthly", options.now), new Date(0)] } },
    orderBy: [{ threshold: "desc" }, { createdAt: "desc" }],
    take: 200,
  });
  const studio = parseChannels(settings?.channels).studio;
  const seesAll = can(access.role, "spend.read");
  const readable = seesAll
    ? null
    : await readableProjectIds({ access, projectIds: rows.flatMap((r) => (r.projectId && r.limitKind.startsWith("project") ? [r.projectId] : [])) });
  const own = access.actorUserId;
  const shown = rows.filter(
    (r) =>
      channelWants(studio, r) &&
      (seesAll ||
        (r.limitKind.startsWith("member") && r.userId !== null && r.userId === own) ||
        (r.limitKind.startsWith("project") && r.projectId !== null && readable!.has(r.projectId))),
  );
  // An alert row is history (it crossed once this period); the banner is the present: each limit the caller may see is
  // re-read with its current value and this period's spend, so raising a limit (or removing it) takes its warning away.
  const usage = await currentLimitUsage({ teamId: access.teamId, limits: shown });
  const seen = new Set<string>();
  const visible = shown.filter((r) => {
    const u = usage.get(r.limitId);
    if (seen.has(r.limitId) || u === undefined || u.spentMicros * 100n < u.limitMicros * BigInt(r.threshold)) return false;
    seen.add(r.limitId);
    return true;
  });
  const [projects, users] = await Promise.all([
    db.project.findMany({ where: { id: { in: visible.flatMap((r) => (r.projectId ? [r.projectId] : [])) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: visible.flatMap((r) => (r.userId ? [r.userId] : [])) } }, select: { id: true, name: true, email: true } }),
  ]);
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const userName = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  return visible.map((r) => {
    const { title, text, consequence, href } = describeSpendAlert({
      limitKind: r.limitKind,
      threshold: r.threshold,
      // Today's figures, not those of the moment it crossed.
      limitMicros: usage.get(r.limitId)!.limitMicros,
      spentMicros: usage.get(r.limitId)!.spentMicros,
      projectId: r.projectId,
      projectName: r.projectId ? (projectName.get(r.projectId) ?? null) : null,
      memberName: r.userId ? (userName.get(r.userId) ?? null) : null,
      memberIsReader: r.userId !== null && r.userId === own,
    });
    return { id: r.id, limitKind: r.limitKind, threshold: r.threshold, title, text, consequence, href, createdAt: r.createdAt.toISOString() };
  });
}
