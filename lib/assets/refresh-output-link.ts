import { RetryableJobError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/provider-error";
import { askProviderStatus } from "@/lib/generations/ask-provider-status";

/**
 * A new download link for one output whose link died before we copied it, or null when the provider has none.
 * The provider's status API is asked once (getStatus: outputs keep their index): Kling signs a new link on every
 * read; the others document a link that lives as long as the output, so they answer the same one and null
 * follows. A provider outage is worth another ingest try (RetryableJobError); any other refusal is the answer.
 */
export async function refreshOutputLink(options: {
  generation: { teamId: string; provider: string; model: string; providerTaskId: string | null; correlationId: string; parameters: unknown };
  index: number;
  staleUrl: string;
}): Promise<string | null> {
  const { generation, index, staleUrl } = options;
  if (!generation.providerTaskId) return null;
  try {
    const result = await askProviderStatus({ generation: { ...generation, providerTaskId: generation.providerTaskId } });
    const url = result.status === "succeeded" ? result.outputs[index]?.url : undefined;
    return url && url !== staleUrl ? url : null;
  } catch (error) {
    if (error instanceof ProviderError && error.retryable) throw new RetryableJobError(`asking for a fresh output link failed: ${error.message}`, error.retryAfterMs);
    if (error instanceof ProviderError) return null;
    throw error;
  }
}
