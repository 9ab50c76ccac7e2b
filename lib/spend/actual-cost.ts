import { PRICES } from "@/lib/kling/prices";
import type { ModelId } from "@/lib/kling/models";
import type { Resolution } from "@/lib/kling/options";
import type { ProviderId } from "@/lib/kling/providers";

export type JobCost = {
  /** What we settle: the provider's own figure when it reports one, otherwise the list price. */
  actualMicros: bigint;
  /** Our price table's figure for the images that came back (a per-generation price once if anything came back). */
  listMicros: bigint;
  /** The provider's figure, or null when it reports none (fal, WaveSpeed). */
  providerMicros: bigint | null;
};

/** What a finished job cost, with both figures kept so the price check can compare them. */
export function actualCostMicros(options: {
  provider: ProviderId;
  model: ModelId;
  resolution: Resolution;
  imagesReturned: number;
  providerCostMicros?: number;
}): JobCost {
  const entry = PRICES[options.provider][options.model];
  const unit = entry?.micros[options.resolution] ?? 0;
  const listMicros = options.imagesReturned === 0 ? 0n : BigInt(entry?.per === "generation" ? unit : unit * options.imagesReturned);
  const providerMicros = options.providerCostMicros === undefined ? null : BigInt(Math.round(options.providerCostMicros));
  return { actualMicros: providerMicros ?? listMicros, listMicros, providerMicros };
}
