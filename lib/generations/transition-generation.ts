import { db, type Tx } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GenerationStatus } from "@/lib/generated/prisma/enums";
import { statusesBefore } from "@/lib/generations/status-order";

const STAMP: Partial<Record<GenerationStatus, keyof Prisma.GenerationUpdateManyMutationInput>> = {
  submitted: "submittedAt",
  running: "runningAt",
  succeeded: "succeededAt",
  failed: "failedAt",
  cancelled: "cancelledAt",
};

/**
 * Moves a generation forward to `to`, or does nothing when it is already there or further along (a conditional
 * updateMany, so two workers racing cannot both win). Returns whether this call made the move; only the winner
 * does the follow-up work (settling spend, enqueueing ingests), which is what makes each happen exactly once.
 */
export async function transitionGeneration(options: {
  generationId: string;
  to: GenerationStatus;
  data?: Prisma.GenerationUpdateManyMutationInput;
  tx?: Tx;
  /** When the caller already knows it, saves reading it back for the event. */
  projectId?: string;
}): Promise<boolean> {
  const { generationId, to, data = {}, tx } = options;
  const client = tx ?? db;
  const stamp = STAMP[to];
  const { count } = await client.generation.updateMany({
    where: { id: generationId, status: { in: statusesBefore(to) } },
    data: { ...data, status: to, ...(stamp && !(stamp in data) ? { [stamp]: new Date() } : {}) },
  });
  if (count === 0) return false;
  const projectId =
    options.projectId ?? (await client.generation.findUniqueOrThrow({ where: { id: generationId }, select: { projectId: true } })).projectId;
  await publishEvent({ type: "generation.status", projectId, generationId, status: to }, tx);
  return true;
}
