import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// The trash keeps deleted assets 30 days (lib/assets/purge-old-trash.ts), then their rows and S3 objects go for good.
// Hourly so a day's deletions never pile up; the purge is idempotent, so an overlapping or repeated run is harmless.
export const purgeTrashJob = defineJob({
  name: "maintenance.purge-trash",
  payload: z.object({}).default({}),
  schedule: "43 * * * *",
  retryLimit: 1,
  expireInSeconds: 1800,
});
