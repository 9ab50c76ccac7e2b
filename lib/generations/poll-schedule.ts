import type { Provider } from "@/lib/generated/prisma/enums";
import { PROVIDER_SUPPORT } from "@/lib/kling/provider-support";
import type { ProviderId } from "@/lib/kling/providers";

const CAP_SECONDS = 30;

// For a provider that never calls back, the poll is the only way we learn a job finished, and every second between
// its finish and our next poll is a second its images wait to be copied. Segmind's own SDK polls every 1 s
// (segmind/v2.py DEFAULT_POLL_INTERVAL_S); we poll every 2 s, half its rate, for at most the job's deadline. Backing
// off to 30 s, as we do when a webhook is the main path, left a finished Segmind job unseen for up to 30 s.
export const POLLED_ONLY_INTERVAL_SECONDS = 2;

function callsBack(provider: string | undefined): boolean {
  return !provider || !Object.hasOwn(PROVIDER_SUPPORT, provider) || PROVIDER_SUPPORT[provider as ProviderId].webhooks !== "none";
}

/**
 * Providers that call back get a late first poll (the webhook usually wins; polling is the safety net), the
 * others an early one.
 */
export function firstPollDelaySeconds(provider: Provider): number {
  return callsBack(provider) ? 10 : 1;
}

/**
 * After poll number `attempt`: for providers that call back, exponential backoff from 1 s to a cap; for the ones that
 * never do, a steady short interval (their job records outlive it: Segmind's last an hour). An unknown provider
 * (a job enqueued before the field existed) gets the backoff.
 */
export function nextPollDelaySeconds(options: { attempt: number; provider?: string }): number {
  if (!callsBack(options.provider)) return POLLED_ONLY_INTERVAL_SECONDS;
  return Math.min(CAP_SECONDS, 2 ** Math.min(options.attempt, 10));
}
