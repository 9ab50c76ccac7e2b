import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { publishEvent } from "@/lib/events/publish-event";
import type { Provider } from "@/lib/generated/prisma/enums";

export type StoredImage = {
  storageKey: string;
  thumbSmallKey: string;
  thumbLargeKey: string;
  width: number;
  height: number;
  bytes: number;
  format: string;
  sha256: string;
  thumbhash: string;
};

type OutputRef = { id: string; index: number; generationId: string };
type GenerationRef = {
  teamId: string;
  projectId: string;
  createdById: string | null;
  sourceAssetId: string | null;
  // The recipe columns the gallery filters and searches on, copied onto the asset (prisma/schema.prisma, Asset).
  model: string;
  provider: Provider;
  aspectRatio: string;
  resolution: string;
  prompt: string;
  /** "Send outputs to collection" chosen at generation time (null: none, or the collection was deleted since). */
  collectionId: string | null;
};

/**
 * The Asset row, the output's "ingested" mark and the asset.created event, all or nothing. Runs safely twice or
 * concurrently: the insert does nothing when (generationId, outputIndex) exists (ON CONFLICT waits for a concurrent
 * inserter to commit), the existing asset is reused, and only the run that flips the output publishes. A success
 * also replaces a failure a concurrent run recorded meanwhile: the image is in our bucket, so the asset should show.
 * The asset joins the generation's chosen collection in the same transaction, also idempotently (skipDuplicates on
 * the (collection, asset) key), so a retried ingest neither misses nor doubles it.
 * Returns the asset id and whether this run created the link.
 */
export async function recordAsset(options: { output: OutputRef; generation: GenerationRef; image: StoredImage }) {
  const { output, generation, image } = options;
  return db.$transaction(async (tx) => {
    // The source may have been purged from the trash since the edit was submitted; lineage is then unknown.
    const source = generation.sourceAssetId
      ? await tx.asset.findUnique({ where: { id: generation.sourceAssetId }, select: { id: true } })
      : null;
    await tx.asset.createMany({
      data: [
        {
          id: createId("asset"),
          teamId: generation.teamId,
          projectId: generation.projectId,
          generationId: output.generationId,
          outputIndex: output.index,
          createdById: generation.createdById,
          sourceAssetId: source?.id ?? null,
          model: generation.model,
          provider: generation.provider,
          aspectRatio: generation.aspectRatio,
          resolution: generation.resolution,
          prompt: generation.prompt,
          ...image,
        },
      ],
      skipDuplicates: true,
    });
    const asset = await tx.asset.findUniqueOrThrow({
      where: { generationId_outputIndex: { generationId: output.generationId, outputIndex: output.index } },
      select: { id: true },
    });
    if (generation.collectionId) {
      await tx.collectionAsset.createMany({ data: [{ collectionId: generation.collectionId, assetId: asset.id }], skipDuplicates: true });
    }
    const { count } = await tx.generationOutput.updateMany({
      where: { id: output.id, status: { not: "ingested" } },
      data: { status: "ingested", assetId: asset.id, failureReason: null },
    });
    if (count === 1) {
      await publishEvent({ type: "asset.created", projectId: generation.projectId, generationId: output.generationId, assetId: asset.id }, tx);
    }
    return { assetId: asset.id, created: count === 1 };
  });
}
