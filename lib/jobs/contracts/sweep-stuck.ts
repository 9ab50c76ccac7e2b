import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Every minute: anything that should be moving but has no job behind it gets one (lib/worker/handlers/sweep-stuck.ts).
export const sweepStuckJob = defineJob({
  name: "maintenance.sweep-stuck",
  payload: z.object({}).default({}),
  schedule: "* * * * *",
  retryLimit: 1,
});
