import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { RetryableJobError } from "@/lib/jobs/define-job";
import { guardedFetch } from "@/lib/storage/guarded-fetch";
import { originalKey, thumbnailKey } from "@/lib/storage/object-keys";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { makeThumbnails, THUMB_WIDTHS, type Thumbnails } from "@/lib/storage/make-thumbnails";
import { classifyDownloadFailure } from "@/lib/assets/download-failure";
import { expectedOutput } from "@/lib/assets/expected-output";
import { failOutput } from "@/lib/assets/fail-output";
import { inspectImage } from "@/lib/assets/inspect-image";
import { recordAsset } from "@/lib/assets/record-asset";

// Tries before a retryable failure (timeouts, 5xx) becomes final. Counted on the row, across job retries and the
// sweeper's re-enqueues, so an output can't stay pending forever: the default job (5 retries) plus one sweep.
export const MAX_INGEST_ATTEMPTS = 8;

const CONTENT_TYPES: Record<string, string> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" };

export type IngestOutcome =
  | { status: "ingested"; assetId: string }
  | { status: "failed"; reason: string }
  | { status: "skipped"; current: "ingested" | "failed" };

/**
 * Copies one provider output into our bucket and records it as an Asset. Idempotent: every step either checks
 * first or is content-addressed, and the database write is one transaction, so running it twice, concurrently, or
 * again after a crash leaves exactly one asset. Only pending outputs are worked on (pending → ingested | failed).
 * Throws RetryableJobError for failures worth another try; final failures mark the output failed (publishing
 * output.failed) and return normally. Memory: the original is one Buffer (≤ OUTBOUND_MAX_DOWNLOAD_BYTES).
 */
export async function ingestOutput(options: { outputId: string; maxAttempts?: number }): Promise<IngestOutcome> {
  const output = await db.generationOutput.findUniqueOrThrow({
    where: { id: options.outputId },
    include: { generation: { select: { teamId: true, projectId: true, createdById: true, sourceAssetId: true, parameters: true } } },
  });
  if (output.status !== "pending") return { status: "skipped", current: output.status };
  const { attempts } = await db.generationOutput.update({ where: { id: output.id }, data: { attempts: { increment: 1 } } });
  const fail = async (reason: string): Promise<IngestOutcome> => {
    await failOutput({ outputId: output.id, reason });
    return { status: "failed", reason };
  };
  const retryOrFail = (message: string) => {
    if (attempts < (options.maxAttempts ?? MAX_INGEST_ATTEMPTS)) throw new RetryableJobError(message);
    return fail(`We couldn't copy the image from the provider after ${attempts} attempts.`);
  };

  let body: Buffer;
  try {
    body = (await guardedFetch(output.providerUrl)).body;
  } catch (error) {
    const failure = classifyDownloadFailure(error);
    return failure.retry ? retryOrFail(failure.message) : fail(failure.reason);
  }

  const image = await inspectImage({ body, expected: expectedOutput(output.generation.parameters) });
  if (!image.ok) return fail(image.reason);
  const sha256 = createHash("sha256").update(body).digest("hex");
  let thumbs: Thumbnails;
  try {
    thumbs = await makeThumbnails({ body });
  } catch {
    // The header parsed but the pixels don't (corrupt or cut-off data that still matched Content-Length).
    return fail("The provider's image is damaged and could not be decoded.");
  }

  const teamId = output.generation.teamId;
  const keys = {
    storageKey: originalKey({ teamId, sha256, format: image.format }),
    thumbSmallKey: thumbnailKey({ teamId, sha256, width: THUMB_WIDTHS.small }),
    thumbLargeKey: thumbnailKey({ teamId, sha256, width: THUMB_WIDTHS.large }),
  };
  try {
    await Promise.all([
      putObjectOnce({ key: keys.storageKey, body, contentType: CONTENT_TYPES[image.format]! }),
      putObjectOnce({ key: keys.thumbSmallKey, body: thumbs.small.data, contentType: "image/webp" }),
      putObjectOnce({ key: keys.thumbLargeKey, body: thumbs.large.data, contentType: "image/webp" }),
    ]);
  } catch (error) {
    // Our own storage being down is no reason to give up on the image: always retried (until the link expires).
    throw new RetryableJobError(`storage write failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const { assetId } = await recordAsset({
    output,
    generation: output.generation,
    image: { ...keys, width: image.width, height: image.height, bytes: body.length, format: image.format, sha256, thumbhash: thumbs.thumbhash },
  });
  return { status: "ingested", assetId };
}
