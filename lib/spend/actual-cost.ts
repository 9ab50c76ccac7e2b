import { PRICES } from "@/lib/kling/prices";
import type { ModelId } from "@/lib/kling/models";
import type { Resolution } from "@/lib/kling/options";
import type { ProviderId } from "@/lib/kling/providers";

/**
 * What a finished job cost: the provider's own figure when it reports one, otherwise the list price for the
 * images it actually returned (a per-generation price is charged once if anything came back).
 */
export function actualCostMicros(options: {
  provider: ProviderId;
  model: ModelId;
  resolution: Resolution;
  imagesReturned: number;
  providerCostMicros?: number;
}): bigint {
  if (options.providerCostMicros !== undefined) return BigInt(Math.round(options.providerCostMicros));
  const entry = PRICES[options.provider][options.model];
  const unit = entry?.micros[options.resolution] ?? 0;
  if (options.imagesReturned === 0) return 0n;
  return BigInt(entry?.per === "generation" ? unit : unit * options.imagesReturned);
}
