import { db } from "@/lib/db";
import { defineHandler } from "@/lib/worker/define-handler";
import { sweepStuckJob } from "@/lib/jobs/contracts/sweep-stuck";
import { enqueueIngest, enqueuePoll, enqueueSubmit } from "@/lib/generations/enqueue-pipeline";

const GRACE_MS = 60_000;

// A crash between a commit and an enqueue, or a job lost with its worker, leaves something that should be moving with
// no job behind it: this gives it one. The stately queues collapse these into existing jobs when there are any.
export const sweepStuckHandler = defineHandler(sweepStuckJob, {
  async handle() {
    const before = new Date(Date.now() - GRACE_MS);
    const queued = await db.generation.findMany({ where: { status: "queued", updatedAt: { lt: before } }, select: { id: true }, take: 500 });
    for (const g of queued) await enqueueSubmit(g.id);
    const inFlight = await db.generation.findMany({
      where: { status: { in: ["submitted", "running"] }, updatedAt: { lt: before } },
      select: { id: true, provider: true },
      take: 500,
    });
    for (const g of inFlight) await enqueuePoll(g.id, { provider: g.provider });
    const outputs = await db.generationOutput.findMany({ where: { status: "pending", updatedAt: { lt: before } }, select: { id: true }, take: 500 });
    for (const o of outputs) await enqueueIngest(o.id);
  },
});
