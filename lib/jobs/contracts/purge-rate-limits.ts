import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Hourly: rate-limit windows are at most an hour; anything older than a day is dead weight.
export const purgeRateLimitsJob = defineJob({
  name: "maintenance.purge-rate-limits",
  payload: z.object({}).default({}),
  schedule: "17 * * * *",
  retryLimit: 1,
});
