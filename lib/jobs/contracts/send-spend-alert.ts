import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Dispatches one spend alert to its channels (lib/spend-alerts/dispatch-spend-alert.ts: studio, email, webhook);
// committed with the alert's row in the submit's transaction, keyed by the alert so it is queued once. Idempotent:
// dispatchedAt and emailedAt make a retry skip what is done.
export const sendSpendAlertJob = defineJob({
  name: "spend.alert-email",
  payload: z.object({ alertId: z.string() }),
  policy: "stately",
  retryLimit: 8,
  retryDelaySeconds: 10,
  expireInSeconds: 120,
});
