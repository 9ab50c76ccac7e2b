import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Posts one spend alert (or a "send test") to the team's webhook (lib/spend-alerts/deliver-spend-alert-webhook.ts).
// Queued with the alert's studio notifications, keyed by the alert so it is queued once; each attempt is recorded.
// pg-boss retries a failed delivery with exponential backoff: 5 s, 10 s, 20 s … about 10 minutes in all.
export const spendAlertWebhookJob = defineJob({
  name: "spend.alert-webhook",
  payload: z.object({
    teamId: z.string(),
    /** null: a test delivery from team settings. */
    alertId: z.string().nullable(),
    /** Sent as X-Studio-Webhook-Id, the same on every retry, so receivers can drop duplicates. */
    deliveryId: z.string(),
  }),
  policy: "stately",
  retryLimit: 7,
  retryDelaySeconds: 5,
  expireInSeconds: 60,
});
