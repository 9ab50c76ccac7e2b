import { defineHandler } from "@/lib/worker/define-handler";
import { spendAlertWebhookJob } from "@/lib/jobs/contracts/spend-alert-webhook";
import { deliverSpendAlertWebhook } from "@/lib/spend-alerts/deliver-spend-alert-webhook";

export const spendAlertWebhookHandler = defineHandler(spendAlertWebhookJob, {
  concurrency: 2,
  handle: (payload, meta) => deliverSpendAlertWebhook({ ...payload, attempt: meta.retryCount + 1 }),
});
