import { ASPECT_RATIOS, type AspectRatio, type AspectRatioOrAuto, type Resolution } from "@/lib/kling/options";

// Output pixel sizes per aspect ratio and resolution: Runware's fixed width×height presets for Kling Image 3.0 / O3
// (providers.md §3.2), which match the 1664×2496 / 2496×1664 sizes in the Runware seed examples.
export type PixelSize = { width: number; height: number };

export const PIXEL_SIZES: Record<Resolution, Record<AspectRatio, PixelSize>> = {
  "1k": {
    "1:1": { width: 1024, height: 1024 },
    "3:2": { width: 1248, height: 832 },
    "2:3": { width: 832, height: 1248 },
    "4:3": { width: 1168, height: 880 },
    "3:4": { width: 880, height: 1168 },
    "16:9": { width: 1360, height: 768 },
    "9:16": { width: 768, height: 1360 },
    "21:9": { width: 1552, height: 656 },
  },
  "2k": {
    "1:1": { width: 2048, height: 2048 },
    "3:2": { width: 2496, height: 1664 },
    "2:3": { width: 1664, height: 2496 },
    "4:3": { width: 2336, height: 1760 },
    "3:4": { width: 1760, height: 2336 },
    "16:9": { width: 2720, height: 1536 },
    "9:16": { width: 1536, height: 2720 },
    "21:9": { width: 3104, height: 1312 },
  },
  "4k": {
    "1:1": { width: 4096, height: 4096 },
    "3:2": { width: 4992, height: 3328 },
    "2:3": { width: 3328, height: 4992 },
    "4:3": { width: 4736, height: 3520 },
    "3:4": { width: 3520, height: 4736 },
    "16:9": { width: 5440, height: 3072 },
    "9:16": { width: 3072, height: 5440 },
    "21:9": { width: 6272, height: 2688 },
  },
};

function ratioValue(ratio: AspectRatio): number {
  const [w, h] = ratio.split(":").map(Number) as [number, number];
  return w / h;
}

/** The listed ratio closest to width/height, compared on a log scale so 2:1 and 1:2 are equally far from 1:1. */
export function nearestAspectRatio(size: PixelSize): AspectRatio {
  const target = Math.log(size.width / size.height);
  let best: AspectRatio = "1:1";
  for (const ratio of ASPECT_RATIOS) {
    if (Math.abs(Math.log(ratioValue(ratio)) - target) < Math.abs(Math.log(ratioValue(best)) - target)) best = ratio;
  }
  return best;
}

/**
 * The ratio `auto` stands for. Providers let the model choose, so this is our best prediction, used for sizing
 * where a provider needs explicit pixels (Runware, fal O3 text-to-image) and for the expected size in the UI:
 * the first reference image's nearest listed ratio, or 1:1 when there is no reference with known dimensions.
 */
export function resolveAspectRatio(aspectRatio: AspectRatioOrAuto, firstReference?: Partial<PixelSize>): AspectRatio {
  if (aspectRatio !== "auto") return aspectRatio;
  if (firstReference?.width && firstReference.height)
    return nearestAspectRatio({ width: firstReference.width, height: firstReference.height });
  return "1:1";
}

export function getPixelSize(options: {
  aspectRatio: AspectRatioOrAuto;
  resolution: Resolution;
  firstReference?: Partial<PixelSize>;
}): PixelSize {
  return PIXEL_SIZES[options.resolution][resolveAspectRatio(options.aspectRatio, options.firstReference)];
}
