import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Emails one spend alert (lib/spend/send-spend-alert-emails.ts); committed with the alert's row in the submit's
// transaction, keyed by the alert so it is queued once. Idempotent: an alert already emailed is skipped.
export const sendSpendAlertJob = defineJob({
  name: "spend.alert-email",
  payload: z.object({ alertId: z.string() }),
  policy: "stately",
  retryLimit: 8,
  retryDelaySeconds: 10,
  expireInSeconds: 120,
});
