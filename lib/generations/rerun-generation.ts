import { randomInt } from "node:crypto";
import type { Generation } from "@/lib/generated/prisma/client";
import { modeFromDb } from "@/lib/kling/models";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateGenerationInput, RerunGenerationInput } from "@/lib/generations/generation-schemas";
import { createGeneration } from "@/lib/generations/create-generation";
import { db } from "@/lib/db";

/**
 * Runs a generation again with the same inputs and parameters, overridden where asked. A seed, when the original
 * had one, is redrawn unless pinned or overridden — a re-run should give a new take, not the same image.
 * Elements are sent in the versions the original recorded unless `elementVersions: "latest"` asks for the current
 * ones: a re-run reproduces what was made, and picking up an element's later edit is an explicit choice.
 * Outputs go to the collection the original's went to (if it still exists), so a re-run or remix of a campaign shot
 * lands beside it instead of only in the gallery.
 */
export async function rerunGeneration(options: {
  access: TeamAccess;
  generation: Generation;
  input: RerunGenerationInput;
  idempotencyKey?: string | null;
}) {
  const { access, generation, input } = options;
  const original = generation.parameters as Record<string, unknown>;
  const parameters: Record<string, unknown> = { ...original, ...input.parameters };
  if (!input.pinSeed && original.seed !== undefined && input.parameters.seed === undefined) {
    parameters.seed = randomInt(0, 2_147_483_647);
  }
  const inputs = await db.generationInput.findMany({
    where: { generationId: generation.id },
    include: { asset: { select: { width: true, height: true } } },
    orderBy: { position: "asc" },
  });
  const elements = await db.generationElement.findMany({
    where: { generationId: generation.id },
    include: { elementVersion: { select: { elementId: true } } },
    orderBy: { position: "asc" },
  });
  const request: CreateGenerationInput = {
    mode: modeFromDb(generation.mode),
    model: generation.model as CreateGenerationInput["model"],
    provider: input.provider ?? generation.provider,
    parameters,
    references: [],
    elementIds: elements.map((e) => e.elementVersion.elementId),
    ...(generation.collectionId ? { collectionId: generation.collectionId } : {}),
  };
  return createGeneration({
    access,
    projectId: generation.projectId,
    input: request,
    idempotencyKey: options.idempotencyKey,
    // The re-run request itself: the input built from it differs per call (a redrawn seed).
    idempotentRequest: { rerunOf: generation.id, input },
    rerunOfId: generation.id,
    ...(input.elementVersions === "recorded" ? { elementVersionIds: elements.map((e) => e.elementVersionId) } : {}),
    // The inputs we already hold (assets or earlier URL imports), so nothing is fetched from outside again.
    storedReferences: inputs.map((i) => ({
      position: i.position,
      assetId: i.assetId,
      storageKey: i.storageKey,
      sourceUrl: i.sourceUrl,
      width: i.asset?.width,
      height: i.asset?.height,
    })),
  });
}
