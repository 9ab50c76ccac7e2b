import type { Provider } from "@/lib/generated/prisma/enums";

const CAP_SECONDS = 30;

/**
 * Providers that call back get a late first poll (the webhook usually wins; polling is the safety net), the
 * others an early one. Then exponential backoff from 1 s to a cap; Segmind's request records last an hour, far
 * longer than the cap.
 */
export function firstPollDelaySeconds(provider: Provider): number {
  return provider === "segmind" ? 1 : 10;
}

export function nextPollDelaySeconds(attempt: number): number {
  return Math.min(CAP_SECONDS, 2 ** Math.min(attempt, 10));
}
