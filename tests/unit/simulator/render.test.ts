import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderImage } from "@/simulator/render/render-image";
import { buildSvg, wrapText } from "@/simulator/render/svg";
import { presetFor, sizeFor, nearestAspect } from "@/simulator/core/sizes";
import { jobCostMicros } from "@/simulator/core/pricing";
import type { ImageSpec } from "@/simulator/core/types";

const spec: ImageSpec = {
  width: 1248, height: 832, format: "png", seed: 42, index: 0, prompt: "a red fox <in> the snow & fog",
  model: "kling-v3", aspect: "3:2", resolution: "1k", provider: "kling",
};

describe("renderer", () => {
  it("is deterministic per seed and parameters, and differs across seeds and indices", async () => {
    const [a, b, c, d] = await Promise.all([renderImage(spec), renderImage(spec), renderImage({ ...spec, seed: 43 }), renderImage({ ...spec, index: 1 })]);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(a.equals(d)).toBe(false);
  });

  it("encodes the requested size and format", async () => {
    for (const format of ["png", "jpeg", "webp"] as const) {
      const meta = await sharp(await renderImage({ ...spec, format })).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([1248, 832, format]);
    }
  });

  it("writes the prompt and parameters as escaped, wrapped text", () => {
    const svg = buildSvg({ ...spec, index: 2 });
    expect(svg).toContain("a red fox &lt;in&gt; the snow &amp; fog");
    expect(svg).toContain("seed 42 · image #3 · kling");
    expect(svg).toContain("3:2 · 1k · 1248×832 · png");
    const lines = wrapText("word ".repeat(500), 40, 5);
    expect(lines).toHaveLength(5);
    expect(lines[4]!.endsWith("…")).toBe(true);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
  });
});

describe("size and price tables", () => {
  it("maps aspect × tier to the documented pixels and back", () => {
    expect(sizeFor("4k", "3:2")).toEqual({ width: 4992, height: 3328 });
    expect(sizeFor("2k", "21:9")).toEqual({ width: 3104, height: 1312 });
    expect(presetFor(1664, 2496)).toEqual({ resolution: "2k", aspect: "2:3" });
    expect(presetFor(1000, 1000)).toBeNull();
    expect(nearestAspect(1920, 1080)).toBe("16:9");
  });

  it("prices in integer micro-USD", () => {
    expect(jobCostMicros("kling-v3", "2k", 4)).toBe(112_000);
    expect(jobCostMicros("kling-v3-omni", "4k", 2)).toBe(112_000);
    expect(jobCostMicros("kling-v3-omni", "1k", 1)).toBe(28_000);
    expect(jobCostMicros("segmind-kling-3", "2k", 1)).toBe(35_000);
  });
});
