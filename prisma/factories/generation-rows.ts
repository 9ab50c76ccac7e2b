import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GenerationStatus, Provider } from "@/lib/generated/prisma/enums";
import { createId } from "@/lib/ids";

/**
 * Rows for `db.generation.createMany`: Kling V3 text-to-image generations in a project, as the pipeline would have
 * left them at `status` (timestamps to match), for tests and benchmarks that need many jobs without running them.
 */
export function generationRows(options: {
  teamId: string;
  projectId: string;
  count: number;
  provider?: Provider;
  status?: GenerationStatus;
  numImages?: number;
  prompt?: string;
}): Prisma.GenerationCreateManyInput[] {
  const { teamId, projectId, provider = "wavespeed", status = "queued", numImages = 1, prompt = "a lighthouse at dusk" } = options;
  const now = new Date();
  const sent = status !== "queued";
  return Array.from({ length: options.count }, () => {
    const id = createId("generation");
    return {
      id,
      teamId,
      projectId,
      model: "kling-v3",
      provider,
      mode: "text_to_image",
      parameters: { prompt, aspect_ratio: "1:1", resolution: "1k", num_images: numImages },
      prompt,
      aspectRatio: "1:1",
      resolution: "1k",
      numImages,
      correlationId: id,
      providerTaskId: sent ? randomUUID().replace(/-/g, "") : null,
      estimatedCostMicros: 0n,
      status,
      ...(sent && { submittedAt: now }),
      ...((status === "running" || status === "succeeded") && { runningAt: now }),
      ...(status === "succeeded" && { succeededAt: now }),
    };
  });
}
