import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { SpendAlertSettingsDto } from "@/lib/spend-alerts/alert-settings-schemas";
import { readAlertSettings } from "@/lib/spend-alerts/read-alert-settings";

/** The team's alert settings for whoever `access` proved may read spend (owners, admins). */
export async function getSpendAlertSettings(options: { access: TeamAccess }): Promise<SpendAlertSettingsDto> {
  const settings = await readAlertSettings({ teamId: options.access.teamId });
  return { channels: settings.channels, webhookUrl: settings.webhookUrl, webhookSecretSet: settings.secret !== null };
}
