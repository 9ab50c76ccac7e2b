import { db } from "@/lib/db";
import { defineHandler } from "@/lib/worker/define-handler";
import { purgeRateLimitsJob } from "@/lib/jobs/contracts/purge-rate-limits";

export const purgeRateLimitsHandler = defineHandler(purgeRateLimitsJob, {
  async handle() {
    const cutoff = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: cutoff } } });
    // A sign-in throttle untouched for a day has decayed to nothing (half-life 15 min).
    await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: cutoff } } });
  },
});
