import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";

// Rate-limit windows are at most an hour; anything older than a day is dead weight.
export const purgeRateLimits = defineJob({
  name: "maintenance.purge-rate-limits",
  payload: z.object({}).default({}),
  schedule: "17 * * * *",
  retryLimit: 1,
  async handler() {
    const cutoff = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: cutoff } } });
    // A sign-in throttle untouched for a day has decayed to nothing (half-life 15 min).
    await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: cutoff } } });
  },
});
