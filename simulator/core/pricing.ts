import type { PriceModel, Resolution } from "./types";

// Integer micro-USD (AGENTS.md). Kling/WaveSpeed/Runware/fal all bill $0.028 per image for V3 and O3 at 1k/2k and
// $0.056 for O3 4k; Segmind bills $0.035 per generation whatever it returns (providers.md §0, seeds 000–004).
const PER_IMAGE_MICROS = 28_000;
const O3_4K_PER_IMAGE_MICROS = 56_000;
const SEGMIND_PER_GENERATION_MICROS = 35_000;

export function unitPriceMicros(model: PriceModel, resolution: Resolution): number {
  if (model === "segmind-kling-3") return SEGMIND_PER_GENERATION_MICROS;
  if (model === "kling-v3-omni" && resolution === "4k") return O3_4K_PER_IMAGE_MICROS;
  return PER_IMAGE_MICROS;
}

/** `unit` is the job's price per image (per generation for Segmind) when the control API changed it. */
export function jobCostMicros(model: PriceModel, resolution: Resolution, images: number, unit?: number): number {
  const price = unit ?? unitPriceMicros(model, resolution);
  if (model === "segmind-kling-3") return price;
  return price * images;
}

export const microsToUsd = (micros: number): number => micros / 1_000_000;

// Kling reports `final_unit_deduction` in resource-pack units, not dollars. The unit→USD rate depends on the pack;
// we assume the standard pack's $0.14/unit so $0.028 shows as "0.2" units (documented as an assumption).
export function klingUnits(micros: number): string {
  return String(Math.round((micros / 140_000) * 1000) / 1000);
}
