import type { Asset, Generation, GenerationOutput } from "@/lib/generated/prisma/client";
import { modeFromDb } from "@/lib/kling/models";
import { assetDto } from "@/lib/generations/asset-dto";
import { lostImages } from "@/lib/generations/lost-images";

type Row = Generation & { outputs?: (GenerationOutput & { asset: Asset | null })[] };

// The response shape is explicit: correlation ids, webhook tokens and credential ids never leave the server.
export async function toGenerationDto(generation: Row) {
  const outputs = await Promise.all(
    (generation.outputs ?? []).map(async (o) => ({
      index: o.index,
      status: o.status,
      failureReason: o.failureReason,
      // A failed output of a finished job is an image the provider made and charged for that we lost.
      lost: generation.status === "succeeded" && o.status === "failed",
      paidFor: generation.status === "succeeded",
      asset: o.asset && !o.asset.deletedAt ? await assetDto(o.asset) : null,
    })),
  );
  return {
    id: generation.id,
    projectId: generation.projectId,
    status: generation.status,
    mode: modeFromDb(generation.mode),
    model: generation.model,
    provider: generation.provider,
    parameters: generation.parameters,
    prompt: generation.prompt,
    createdById: generation.createdById,
    rerunOfId: generation.rerunOfId,
    /** The hand-picked collection its outputs join ("send outputs to collection"); null when none or since deleted. */
    collectionId: generation.collectionId,
    cost: {
      estimatedMicros: Number(generation.estimatedCostMicros),
      actualMicros: generation.actualCostMicros === null ? null : Number(generation.actualCostMicros),
    },
    error: generation.errorClass ? { class: generation.errorClass, message: generation.errorMessage } : null,
    timings: {
      queuedAt: generation.queuedAt.toISOString(),
      submittedAt: generation.submittedAt?.toISOString() ?? null,
      runningAt: generation.runningAt?.toISOString() ?? null,
      succeededAt: generation.succeededAt?.toISOString() ?? null,
      failedAt: generation.failedAt?.toISOString() ?? null,
      cancelledAt: generation.cancelledAt?.toISOString() ?? null,
    },
    outputs,
    /** Which images were paid for but lost (1-based), with the sentence the studio shows; null when none. */
    lostImages: lostImages({ status: generation.status, outputs }),
    createdAt: generation.createdAt.toISOString(),
  };
}
export type GenerationDto = Awaited<ReturnType<typeof toGenerationDto>>;
