import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Emails one studio notification (a mention) to its member. Enqueued in the transaction that writes the notification.
export const emailNotificationJob = defineJob({
  name: "notify.email",
  payload: z.object({ notificationId: z.string() }),
  retryLimit: 5,
  retryDelaySeconds: 10,
});
