import { defineHandler } from "@/lib/worker/define-handler";
import { sendSpendAlertJob } from "@/lib/jobs/contracts/send-spend-alert";
import { sendSpendAlertEmails } from "@/lib/spend/send-spend-alert-emails";

export const sendSpendAlertHandler = defineHandler(sendSpendAlertJob, {
  concurrency: 1,
  handle: ({ alertId }) => sendSpendAlertEmails({ alertId }),
});
