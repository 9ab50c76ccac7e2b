import { PRICES } from "@/lib/kling/prices";
import { imageCount } from "@/lib/kling/parse-params";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { ModelId } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";

/**
 * The cost in micro-USD of a job before it is sent, from the list prices. Throws RangeError when the provider
 * has no price for the model/resolution: run checkProviderSupport first and that cannot happen.
 */
export function estimateCost(options: { provider: ProviderId; model: ModelId; params: GenerationParams }): number {
  const { provider, model, params } = options;
  const entry = PRICES[provider][model];
  const unit = entry?.micros[params.resolution];
  if (!entry || unit === undefined) throw new RangeError(`No price for ${model} at ${params.resolution} on ${provider}`);
  return entry.per === "generation" ? unit : unit * imageCount(params);
}
