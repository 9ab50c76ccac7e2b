import { defineHandler } from "@/lib/worker/define-handler";
import { emailNotificationJob } from "@/lib/jobs/contracts/email-notification";
import { emailNotification } from "@/lib/review/email-notification";

export const emailNotificationHandler = defineHandler(emailNotificationJob, {
  concurrency: 2,
  async handle({ notificationId }) {
    await emailNotification({ notificationId });
  },
});
