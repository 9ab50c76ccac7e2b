import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueIngest, enqueuePoll, enqueueSubmit } from "@/lib/generations/enqueue-pipeline";

const GRACE_MS = 60_000;

// Every minute: anything that should be moving but has no job behind it (a crash between a commit and an enqueue,
// a job lost with its worker) gets one. The stately queues collapse these into existing jobs when there are any.
export const sweepStuckJob = defineJob({
  name: "maintenance.sweep-stuck",
  payload: z.object({}).default({}),
  schedule: "* * * * *",
  retryLimit: 1,
  async handler() {
    const before = new Date(Date.now() - GRACE_MS);
    const queued = await db.generation.findMany({ where: { status: "queued", updatedAt: { lt: before } }, select: { id: true }, take: 500 });
    for (const g of queued) await enqueueSubmit(g.id);
    const inFlight = await db.generation.findMany({
      where: { status: { in: ["submitted", "running"] }, updatedAt: { lt: before } },
      select: { id: true },
      take: 500,
    });
    for (const g of inFlight) await enqueuePoll(g.id);
    const outputs = await db.generationOutput.findMany({ where: { status: "pending", updatedAt: { lt: before } }, select: { id: true }, take: 500 });
    for (const o of outputs) await enqueueIngest(o.id);
  },
});
