import { db } from "@/lib/db";
import { RetryableJobError } from "@/lib/errors";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { StorageWriteError } from "@/lib/errors";
import { classifyDownloadFailure, lostPaidImageReason } from "@/lib/assets/download-failure";
import { refreshOutputLink } from "@/lib/assets/refresh-output-link";
import { expectedOutput } from "@/lib/assets/expected-output";
import { failOutput } from "@/lib/assets/fail-output";
import { recordAsset } from "@/lib/assets/record-asset";
import { storeOutputImage, type StoreOutcome } from "@/lib/assets/store-output-image";

// Tries before a retryable failure (timeouts, 5xx) becomes final. Counted on the row, across job retries and the
// sweeper's re-enqueues, so an output can't stay pending forever: the default job (5 retries) plus one sweep.
export const MAX_INGEST_ATTEMPTS = 8;

export type IngestOutcome =
  | { status: "ingested"; assetId: string }
  | { status: "failed"; reason: string }
  | { status: "skipped"; current: "ingested" | "failed" };

/**
 * Copies one provider output into our bucket and records it as an Asset. Idempotent: every step either checks
 * first or is content-addressed, and the database write is one transaction, so running it twice, concurrently, or
 * again after a crash leaves exactly one asset. Only pending outputs are worked on (pending → ingested | failed).
 * Throws RetryableJobError for failures worth another try; final failures mark the output failed (publishing
 * output.failed) and return normally. Memory: the original streams from the provider to storage and is never held
 * whole (storeOutputImage).
 */
export async function ingestOutput(options: { outputId: string; maxAttempts?: number }): Promise<IngestOutcome> {
  const output = await db.generationOutput.findUniqueOrThrow({
    where: { id: options.outputId },
    include: {
      generation: {
        select: {
          teamId: true, projectId: true, createdById: true, sourceAssetId: true, parameters: true,
          provider: true, model: true, providerTaskId: true, correlationId: true,
          aspectRatio: true, resolution: true, prompt: true, collectionId: true,
        },
      },
    },
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

  const copy = (url: string) => storeOutputImage({ url, teamId: output.generation.teamId, expected: expectedOutput(output.generation.parameters) });
  let stored: StoreOutcome;
  let url = output.providerUrl;
  let refreshed = false;
  for (;;) {
    try {
      stored = await copy(url);
      break;
    } catch (error) {
      if (error instanceof GuardedFetchError) {
        const failure = classifyDownloadFailure(error);
        if (failure.retry) return retryOrFail(failure.message);
        if (!failure.expired) return fail(failure.reason);
        // The image is paid for: before giving it up, ask the provider once for a link that works now.
        let fresh: string | null = null;
        try {
          if (!refreshed) fresh = await refreshOutputLink({ generation: output.generation, index: output.index, staleUrl: url });
        } catch (refreshError) {
          // The provider is briefly unreachable: another try, within the same attempt budget as any download.
          if (refreshError instanceof RetryableJobError) return retryOrFail(refreshError.message);
          throw refreshError;
        }
        if (!fresh) return fail(lostPaidImageReason({ index: output.index, provider: output.generation.provider }));
        refreshed = true;
        url = fresh;
        // Kept on the row so a retry after a timeout on the new link downloads from it, not the dead one.
        await db.generationOutput.update({ where: { id: output.id }, data: { providerUrl: fresh } });
        continue;
      }
      // Our own storage being down is no reason to give up on the image: always retried (until the link expires).
      if (!(error instanceof StorageWriteError)) throw error;
      throw new RetryableJobError(`storage write failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!stored.ok) return fail(stored.reason);

  const { assetId } = await recordAsset({ output, generation: output.generation, image: stored.image });
  return { status: "ingested", assetId };
}
