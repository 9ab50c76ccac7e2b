import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { spendAlertWebhookJob } from "@/lib/jobs/contracts/spend-alert-webhook";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readAlertSettings } from "@/lib/spend-alerts/read-alert-settings";

/** Queues one signed test delivery to the team's webhook; its attempt shows in the deliveries list. */
export async function sendTestWebhook(options: { access: TeamAccess }) {
  const teamId = options.access.teamId;
  const settings = await readAlertSettings({ teamId });
  if (!settings.webhookUrl || !settings.secret) throw new AppError("conflict", "Set a webhook URL first.");
  const deliveryId = `test_${randomUUID()}`;
  await enqueue(spendAlertWebhookJob, { teamId, alertId: null, deliveryId }, { singletonKey: deliveryId });
  return { deliveryId };
}
