import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { spendAlertWebhookJob } from "@/lib/jobs/contracts/spend-alert-webhook";
import { prismaJobExecutor } from "@/lib/review/prisma-job-executor";
import { sendSpendAlertEmails } from "@/lib/spend/send-spend-alert-emails";
import { log } from "@/lib/observability/log";
import { channelWants } from "@/lib/spend-alerts/alert-settings-schemas";
import { describeSpendAlert } from "@/lib/spend-alerts/describe-spend-alert";
import { loadAlertFacts } from "@/lib/spend-alerts/load-alert-facts";
import { readAlertSettings } from "@/lib/spend-alerts/read-alert-settings";

/**
 * Tells everyone the team's settings name about one SpendAlert (written once per limit, period and threshold in the
 * submit's transaction, which also queued this job): studio notifications and the webhook job commit together with
 * `dispatchedAt` under the alert's row lock, so a retried job never notifies twice; the email keeps its own
 * `emailedAt` (lib/spend/send-spend-alert-emails.ts). Recipients: owners and admins, plus the member for a member cap.
 */
export async function dispatchSpendAlert(options: { alertId: string }) {
  const loaded = await loadAlertFacts({ alertId: options.alertId });
  if (!loaded) return;
  const { alert, facts } = loaded;
  const settings = await readAlertSettings({ teamId: alert.teamId });
  const { title, text, consequence, href } = describeSpendAlert(facts);
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ dispatchedAt: Date | null }[]>`SELECT "dispatchedAt" FROM "SpendAlert" WHERE id = ${alert.id} FOR UPDATE`;
    if (!row || row.dispatchedAt) return;
    if (channelWants(settings.channels.studio, alert)) {
      const admins = await tx.membership.findMany({ where: { teamId: alert.teamId, role: { in: ["owner", "admin"] } }, select: { userId: true } });
      const userIds = new Set(admins.map((m) => m.userId));
      if (alert.userId && alert.limitKind.startsWith("member")) userIds.add(alert.userId);
      await tx.notification.createMany({
        data: [...userIds].map((userId) => ({
          id: createId("notification"),
          teamId: alert.teamId,
          userId,
          kind: "spend.alert",
          title,
          body: [text, consequence].filter(Boolean).join(" "),
          href,
        })),
      });
    }
    if (settings.webhookUrl && settings.secret && channelWants(settings.channels.webhook, alert)) {
      await enqueueMany(spendAlertWebhookJob, [{ payload: { teamId: alert.teamId, alertId: alert.id, deliveryId: alert.id }, singletonKey: alert.id }], {
        executor: prismaJobExecutor(tx),
      });
    }
    await tx.spendAlert.update({ where: { id: alert.id }, data: { dispatchedAt: new Date() } });
  });
  if (channelWants(settings.channels.email, alert)) await sendSpendAlertEmails({ alertId: alert.id });
  log("spend-alerts").info({ alertId: alert.id, threshold: alert.threshold, limitKind: alert.limitKind }, "spend alert dispatched");
}
