import { db } from "@/lib/db";
import { parseChannels } from "@/lib/spend-alerts/alert-settings-schemas";

/** A team's alert settings as the dispatcher and the banner use them (defaults when the team never saved any). */
export async function readAlertSettings(options: { teamId: string }) {
  const row = await db.spendAlertSettings.findUnique({ where: { teamId: options.teamId } });
  return {
    channels: parseChannels(row?.channels),
    webhookUrl: row?.webhookUrl ?? null,
    secret: row?.webhookSecretEncrypted && row.webhookSecretKeyVersion !== null ? { encrypted: row.webhookSecretEncrypted, keyVersion: row.webhookSecretKeyVersion } : null,
  };
}
