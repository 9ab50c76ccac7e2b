import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";

// What a failed download of a provider output means for the ingest: try again later, or fail the output with a
// reason a person can act on. Provider CDNs answer 403 (signed URL expired), 404 or 410 once an output is gone,
// and no retry of that link brings it back — only a new link can (`expired`: the ingest asks the provider once).

export const EXPIRED_REASON = "The provider's download link had expired before we could copy the image.";

/**
 * The reason an output is failed for when its link died and the provider had no working one left. Outputs exist only
 * for jobs the provider finished, and those are charged, so it says plainly which image was lost and that it was
 * paid for.
 */
export function lostPaidImageReason(options: { index: number; provider: ProviderId }): string {
  const label = PROVIDER_LABELS[options.provider];
  return `Image ${options.index + 1} was paid for but lost: the download link from ${label} had expired before we could copy it, and asking ${label} again gave no working link.`;
}

export type DownloadFailure = { retry: true; message: string } | { retry: false; reason: string; expired?: true };

export function classifyDownloadFailure(error: unknown): DownloadFailure {
  if (!(error instanceof GuardedFetchError)) throw error;
  switch (error.kind) {
    case "timeout":
    case "network":
      return { retry: true, message: `download failed (${error.kind}): ${error.message}` };
    case "too_large":
      return { retry: false, reason: "The image is larger than our download limit, so it was not copied." };
    case "blocked_address":
      return { retry: false, reason: "The provider's download link points to a private network address, so we did not fetch it." };
    case "bad_url":
      return { retry: false, reason: "The provider returned a download link we can't use." };
    case "http_error": {
      const status = error.status ?? 0;
      if (status === 403 || status === 404 || status === 410) return { retry: false, reason: EXPIRED_REASON, expired: true };
      if (status >= 500 || status === 408 || status === 429) return { retry: true, message: `download failed: HTTP ${status}` };
      if (status >= 300 && status < 400) return { retry: false, reason: "The provider's download link redirected too many times." };
      return { retry: false, reason: `The provider refused the download (HTTP ${status}).` };
    }
  }
}
