import { db } from "@/lib/db";
import type { Asset } from "@/lib/generated/prisma/client";
import { modeFromDb } from "@/lib/kling/models";
import { galleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { assetTagNames } from "@/lib/assets/asset-tag-names";
import { presignWindowed } from "@/lib/assets/presign-windowed";

const LINEAGE_LIMIT = 50;

/**
 * Everything the image detail shows: the asset, the whole recipe of the generation that made it (prompt, negative
 * prompt, every parameter, seed, model, provider, the references it used, who, when, cost, timings) and its lineage:
 * the assets it came from (edit source, references) and the assets made from it. Lineage stays inside the asset's
 * project — the one project access was checked on — so it can't reveal assets of a project the caller can't see.
 */
export async function getAssetDetail(asset: Asset) {
  const generation = asset.generationId
    ? await db.generation.findUnique({
        where: { id: asset.generationId },
        include: {
          inputs: { orderBy: { position: "asc" } },
          createdBy: { select: { id: true, name: true, email: true } },
          elements: {
            orderBy: { position: "asc" },
            include: { elementVersion: { select: { version: true, element: { select: { id: true, name: true, currentVersion: true, archivedAt: true } } } } },
          },
        },
      })
    : null;
  const sourceIds = [...new Set([asset.sourceAssetId, ...(generation?.inputs.map((i) => i.assetId) ?? [])].filter((id): id is string => !!id))];
  const [sources, derived, tags, creator, output, collections] = await Promise.all([
    db.asset.findMany({ where: { id: { in: sourceIds }, projectId: asset.projectId, deletedAt: null } }),
    db.asset.findMany({
      where: {
        projectId: asset.projectId,
        deletedAt: null,
        id: { not: asset.id },
        OR: [{ sourceAssetId: asset.id }, { generation: { inputs: { some: { assetId: asset.id } } } }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LINEAGE_LIMIT,
    }),
    assetTagNames([asset.id]),
    !generation && asset.createdById ? db.user.findUnique({ where: { id: asset.createdById }, select: { id: true, name: true, email: true } }) : null,
    // The seed the provider reports for this very image: the generation's `seed` is only what was asked for.
    generation ? db.generationOutput.findUnique({ where: { assetId: asset.id }, select: { seed: true } }) : null,
    db.collectionAsset.findMany({ where: { assetId: asset.id }, select: { collectionId: true } }),
  ]);
  const outputSeed = output?.seed ?? null;
  const parameters = (generation?.parameters ?? {}) as Record<string, unknown>;
  const now = Date.now();
  const dto = await galleryAssetDto({ ...asset, tags: tags.get(asset.id) ?? [], seed: outputSeed ?? generation?.seed ?? null, mode: generation?.mode ?? null }, now);
  return {
    ...dto,
    sha256: asset.sha256,
    // The hand-picked collections it is in (its own project's: collections never hold another project's assets).
    collectionIds: collections.map((c) => c.collectionId),
    createdBy: generation?.createdBy ?? creator ?? null,
    generation: generation && {
      id: generation.id,
      status: generation.status,
      mode: modeFromDb(generation.mode),
      model: generation.model,
      provider: generation.provider,
      prompt: generation.prompt,
      negativePrompt: typeof parameters.negative_prompt === "string" ? parameters.negative_prompt : null,
      parameters: generation.parameters,
      seed: generation.seed,
      outputSeed,
      aspectRatio: generation.aspectRatio,
      resolution: generation.resolution,
      numImages: generation.numImages,
      outputIndex: asset.outputIndex,
      rerunOfId: generation.rerunOfId,
      viaApiKey: generation.apiKeyId !== null,
      references: await Promise.all(
        generation.inputs.map(async (input) => ({
          position: input.position,
          assetId: input.assetId && sources.some((s) => s.id === input.assetId) ? input.assetId : null,
          url: await presignWindowed(input.storageKey, { now }),
        })),
      ),
      // The element versions it used, beside each element's current one: a re-run sends the recorded versions unless
      // asked for the latest (lib/generations/rerun-generation.ts), and the detail says which.
      elements: generation.elements.map((e) => ({
        elementId: e.elementVersion.element.id,
        name: e.elementVersion.element.name,
        version: e.elementVersion.version,
        currentVersion: e.elementVersion.element.currentVersion,
        archived: e.elementVersion.element.archivedAt !== null,
      })),
      cost: {
        estimatedMicros: Number(generation.estimatedCostMicros),
        actualMicros: generation.actualCostMicros === null ? null : Number(generation.actualCostMicros),
      },
      timings: {
        queuedAt: generation.queuedAt.toISOString(),
        submittedAt: generation.submittedAt?.toISOString() ?? null,
        runningAt: generation.runningAt?.toISOString() ?? null,
        succeededAt: generation.succeededAt?.toISOString() ?? null,
        durationMs: generation.succeededAt ? generation.succeededAt.getTime() - generation.queuedAt.getTime() : null,
      },
    },
    lineage: {
      sources: await Promise.all(sources.map((s) => galleryAssetDto(s, now))),
      derived: await Promise.all(derived.map((d) => galleryAssetDto(d, now))),
    },
  };
}

/** The detail as it is now, after a change: the caller has already checked access to this asset (withAsset). */
export async function getFreshAssetDetail(assetId: string) {
  return getAssetDetail(await db.asset.findUniqueOrThrow({ where: { id: assetId } }));
}
