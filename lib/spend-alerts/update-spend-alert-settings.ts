import { db } from "@/lib/db";
import { actorOf, recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { SpendAlertSettingsDto, UpdateSpendAlertSettingsInput } from "@/lib/spend-alerts/alert-settings-schemas";
import { newWebhookSecret } from "@/lib/spend-alerts/new-webhook-secret";

/**
 * Saves who gets which spend alerts, and the webhook URL. The first URL makes a signing secret, returned once in
 * this answer; changing the URL keeps the secret (rotate it separately); removing the URL deletes it.
 */
export async function updateSpendAlertSettings(options: { access: TeamAccess; input: UpdateSpendAlertSettingsInput }): Promise<SpendAlertSettingsDto> {
  const { access, input } = options;
  const teamId = access.teamId;
  const result = await db.$transaction(async (tx) => {
    const current = await tx.spendAlertSettings.findUnique({ where: { teamId } });
    const fresh = input.webhookUrl && !current?.webhookSecretEncrypted ? newWebhookSecret() : null;
    const secretFields = input.webhookUrl === null ? { webhookSecretEncrypted: null, webhookSecretKeyVersion: null } : (fresh?.stored ?? {});
    const data = { channels: input.channels, webhookUrl: input.webhookUrl, ...secretFields };
    const row = await tx.spendAlertSettings.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await recordAuditEvent({
      tx,
      teamId,
      ...actorOf(access),
      action: "spend_alerts.changed",
      targetType: "team",
      targetId: teamId,
      // The host only: a webhook URL often carries a token in its path (Slack's do).
      metadata: { webhookHost: input.webhookUrl ? new URL(input.webhookUrl).host : null },
    });
    return { row, secret: fresh?.secret };
  });
  return {
    channels: input.channels,
    webhookUrl: result.row.webhookUrl,
    webhookSecretSet: result.row.webhookSecretEncrypted !== null,
    ...(result.secret ? { webhookSecret: result.secret } : {}),
  };
}
