import type { GenerationDto } from "@/lib/generations/generation-dto";

/**
 * How the generate panel (and the image detail's re-run / remix / variations) tells the gallery's queue about a new
 * generation without a page rebuild: a DOM CustomEvent on window, named "studio:generation-submitted".
 *
 * A panel submit dispatches it twice with the same `clientId`: first `{ state: "pending", pending }` the moment the
 * user submits (so a placeholder can appear before the request returns), then `{ state: "queued", generation }` with
 * the server's DTO once accepted, or `{ state: "failed", error }` if it was refused (drop the placeholder). Re-runs
 * from the detail dispatch only the "queued" one.
 */
export const GENERATION_SUBMITTED_EVENT = "studio:generation-submitted";

export type PendingGeneration = {
  prompt: string;
  model: string;
  mode: string;
  provider: string;
  numImages: number;
  aspectRatio: string;
  resolution: string;
  submittedAt: string;
};

export type GenerationSubmittedDetail =
  | { clientId: string; state: "pending"; pending: PendingGeneration }
  | { clientId: string; state: "queued"; generation: GenerationDto }
  | { clientId: string; state: "failed"; error: string };

export function dispatchGenerationSubmitted(detail: GenerationSubmittedDetail) {
  window.dispatchEvent(new CustomEvent<GenerationSubmittedDetail>(GENERATION_SUBMITTED_EVENT, { detail }));
}
