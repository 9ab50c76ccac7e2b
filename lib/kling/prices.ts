import type { ModelId } from "@/lib/kling/models";
import type { Resolution } from "@/lib/kling/options";
import type { ProviderId } from "@/lib/kling/providers";

// List prices in integer micro-USD (1 USD = 1_000_000). "image": charged per output image; "generation": charged
// once per request whatever it returns. Re-check before launch: providers.md is dated 2025-2026.
export type PriceEntry = { per: "image" | "generation"; micros: Partial<Record<Resolution, number>>; source: string };

const PER_IMAGE_V3 = { "1k": 28_000, "2k": 28_000 };
const PER_IMAGE_O3 = { "1k": 28_000, "2k": 28_000, "4k": 56_000 };

export const PRICES: Record<ProviderId, Partial<Record<ModelId, PriceEntry>>> = {
  kling: {
    "kling-v3": { per: "image", micros: PER_IMAGE_V3, source: "kling.ai/dev/pricing (providers.md §1.9)" },
    "kling-v3-omni": { per: "image", micros: PER_IMAGE_O3, source: "kling.ai/dev/pricing (providers.md §1.9)" },
  },
  wavespeed: {
    // Seed 000 (t2i) and 002 (edit): $0.028 per image; seed 001 (O3): 1k/2k $0.028, 4k $0.056 per image.
    "kling-v3": { per: "image", micros: PER_IMAGE_V3, source: "seeds 000, 002" },
    "kling-v3-omni": { per: "image", micros: PER_IMAGE_O3, source: "seed 001" },
  },
  runware: {
    "kling-v3": { per: "image", micros: PER_IMAGE_V3, source: "Runware model pages (providers.md §3.6); seed 004 cost 0.028" },
    "kling-v3-omni": { per: "image", micros: PER_IMAGE_O3, source: "Runware model pages (providers.md §3.6)" },
  },
  segmind: {
    "kling-v3": { per: "generation", micros: { "1k": 35_000, "2k": 35_000 }, source: "seed 003: $0.035 per generation" },
  },
  fal: {
    // V3 image-to-image price is UNCONFIRMED on fal; assumed equal to text-to-image.
    "kling-v3": { per: "image", micros: PER_IMAGE_V3, source: "fal llms.txt (providers.md §5.1)" },
    "kling-v3-omni": { per: "image", micros: PER_IMAGE_O3, source: "fal o3 llms.txt (providers.md §5.1)" },
  },
};

/** The list price of one unit (image or generation), or undefined when the provider does not offer it. */
export function getUnitPrice(provider: ProviderId, model: ModelId, resolution: Resolution): PriceEntry["micros"][Resolution] {
  return PRICES[provider][model]?.micros[resolution];
}
