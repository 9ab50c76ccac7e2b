import { describe, expect, it } from "vitest";
import { PIXEL_SIZES, getPixelSize, nearestAspectRatio, resolveAspectRatio } from "@/lib/kling/pixel-sizes";
import { ASPECT_RATIOS } from "@/lib/kling/options";

// Copied verbatim from providers.md §3.2 (Runware's width×height presets for Kling Image 3.0 / O3).
const PROVIDERS_MD = {
  "1k": "1024×1024, 1248×832, 832×1248, 1168×880, 880×1168, 768×1360, 1360×768, 1552×656",
  "2k": "2048×2048, 2496×1664, 1664×2496, 2336×1760, 1760×2336, 1536×2720, 2720×1536, 3104×1312",
  "4k": "4096×4096, 4992×3328, 3328×4992, 4736×3520, 3520×4736, 3072×5440, 5440×3072, 6272×2688",
} as const;

describe("pixel sizes", () => {
  it.each(Object.keys(PROVIDERS_MD) as (keyof typeof PROVIDERS_MD)[])("%s: all 8 ratios are exactly the documented presets", (resolution) => {
    const documented = PROVIDERS_MD[resolution].split(", ").sort();
    const ours = ASPECT_RATIOS.map((r) => `${PIXEL_SIZES[resolution][r].width}×${PIXEL_SIZES[resolution][r].height}`).sort();
    expect(ours).toEqual(documented);
    // And each preset sits under the ratio it approximates.
    for (const ratio of ASPECT_RATIOS) expect(nearestAspectRatio(PIXEL_SIZES[resolution][ratio])).toBe(ratio);
  });

  it("matches the seed and brief examples", () => {
    expect(getPixelSize({ aspectRatio: "2:3", resolution: "2k" })).toEqual({ width: 1664, height: 2496 });
    expect(getPixelSize({ aspectRatio: "3:2", resolution: "2k" })).toEqual({ width: 2496, height: 1664 });
    expect(getPixelSize({ aspectRatio: "3:2", resolution: "4k" })).toEqual({ width: 4992, height: 3328 });
  });

  it("resolves auto to the first reference's nearest ratio, else 1:1", () => {
    expect(resolveAspectRatio("auto")).toBe("1:1");
    expect(resolveAspectRatio("auto", { width: 1920, height: 1080 })).toBe("16:9");
    expect(resolveAspectRatio("auto", { width: 800, height: 1200 })).toBe("2:3");
    expect(resolveAspectRatio("auto", { width: 2560, height: 1080 })).toBe("21:9");
    expect(resolveAspectRatio("auto", { width: 1000 })).toBe("1:1");
    expect(resolveAspectRatio("4:3", { width: 1920, height: 1080 })).toBe("4:3");
    expect(getPixelSize({ aspectRatio: "auto", resolution: "4k", firstReference: { width: 900, height: 1600 } })).toEqual({ width: 3072, height: 5440 });
  });
});
