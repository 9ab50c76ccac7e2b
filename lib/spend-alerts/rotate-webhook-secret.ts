import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { newWebhookSecret } from "@/lib/spend-alerts/new-webhook-secret";

/** Replaces the team's webhook signing secret and returns the new one, the only time it is shown. */
export async function rotateWebhookSecret(options: { access: TeamAccess }) {
  const teamId = options.access.teamId;
  const { secret, stored } = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const updated = await tx.spendAlertSettings.updateMany({ where: { teamId, webhookUrl: { not: null } }, data: stored });
    if (updated.count === 0) throw new AppError("conflict", "Set a webhook URL first; its secret is made with it.");
    await recordAuditEvent({ tx, teamId, ...actorOf(options.access), action: "spend_alerts.secret_rotated", targetType: "team", targetId: teamId });
  });
  return { webhookSecret: secret };
}
