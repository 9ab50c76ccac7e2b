import type { Resolution } from "./types";

// Pixel sizes per aspect ratio and resolution tier (providers.md §3.2, Runware's preset list, which is the Kling
// size table every provider resolves to).
type SizeTable = Record<string, readonly [number, number]>;

export const SIZES: Record<Resolution, SizeTable> = {
  "1k": {
    "1:1": [1024, 1024], "3:2": [1248, 832], "2:3": [832, 1248], "4:3": [1168, 880],
    "3:4": [880, 1168], "9:16": [768, 1360], "16:9": [1360, 768], "21:9": [1552, 656],
  },
  "2k": {
    "1:1": [2048, 2048], "3:2": [2496, 1664], "2:3": [1664, 2496], "4:3": [2336, 1760],
    "3:4": [1760, 2336], "9:16": [1536, 2720], "16:9": [2720, 1536], "21:9": [3104, 1312],
  },
  "4k": {
    "1:1": [4096, 4096], "3:2": [4992, 3328], "2:3": [3328, 4992], "4:3": [4736, 3520],
    "3:4": [3520, 4736], "9:16": [3072, 5440], "16:9": [5440, 3072], "21:9": [6272, 2688],
  },
};

export const ASPECTS = ["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"] as const;

export function sizeFor(resolution: Resolution, aspect: string): { width: number; height: number } {
  const size = SIZES[resolution][aspect] ?? SIZES[resolution]["1:1"]!;
  return { width: size[0], height: size[1] };
}

// Runware takes explicit width×height; map it back to the tier and aspect it belongs to.
export function presetFor(width: number, height: number): { resolution: Resolution; aspect: string } | null {
  for (const resolution of ["1k", "2k", "4k"] as const) {
    for (const [aspect, size] of Object.entries(SIZES[resolution])) {
      if (size[0] === width && size[1] === height) return { resolution, aspect };
    }
  }
  return null;
}

// The aspect in the table closest to a real image's proportions ("auto" aspect follows the reference image).
export function nearestAspect(width: number, height: number): string {
  const ratio = Math.log(width / height);
  let best = "1:1";
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const aspect of ASPECTS) {
    const [w, h] = aspect.split(":").map(Number) as [number, number];
    const distance = Math.abs(Math.log(w / h) - ratio);
    if (distance < bestDistance) {
      best = aspect;
      bestDistance = distance;
    }
  }
  return best;
}
