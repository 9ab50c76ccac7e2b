import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish-event";

/**
 * Marks a pending output failed for good, with a reason written for the person looking at the generation, and tells
 * open studios. An output that is no longer pending (ingested by a concurrent run, or failed already) is left alone
 * and nothing is published, so the event fires once. Also for the ingest job to call if it ever gives up itself.
 * Returns whether this call marked it.
 */
export async function failOutput(options: { outputId: string; reason: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const output = await tx.generationOutput.findUniqueOrThrow({
      where: { id: options.outputId },
      select: { id: true, index: true, generationId: true, generation: { select: { projectId: true } } },
    });
    const { count } = await tx.generationOutput.updateMany({
      where: { id: output.id, status: "pending" },
      data: { status: "failed", failureReason: options.reason },
    });
    if (count === 0) return false;
    await publishEvent(
      { type: "output.failed", projectId: output.generation.projectId, generationId: output.generationId, index: output.index, reason: options.reason },
      tx,
    );
    return true;
  });
}
