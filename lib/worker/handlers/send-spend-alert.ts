import { defineHandler } from "@/lib/worker/define-handler";
import { sendSpendAlertJob } from "@/lib/jobs/contracts/send-spend-alert";
import { dispatchSpendAlert } from "@/lib/spend-alerts/dispatch-spend-alert";

// Every channel of a new spend alert (studio, email, webhook), as the team's alert settings choose.
export const sendSpendAlertHandler = defineHandler(sendSpendAlertJob, {
  concurrency: 1,
  handle: ({ alertId }) => dispatchSpendAlert({ alertId }),
});
