import { describe, expect, it } from "vitest";
import { actualCostMicros } from "@/lib/spend/actual-cost";

describe("actualCostMicros keeps the provider's figure and our price table's side by side", () => {
  it("settles the provider's reported cost, and prices the returned images from the table", () => {
    expect(actualCostMicros({ provider: "runware", model: "kling-v3", resolution: "1k", imagesReturned: 2, providerCostMicros: 62_000 })).toEqual({
      actualMicros: 62_000n, listMicros: 56_000n, providerMicros: 62_000n,
    });
  });
  it("without a reported cost settles the list price (fal, WaveSpeed)", () => {
    expect(actualCostMicros({ provider: "fal", model: "kling-v3", resolution: "2k", imagesReturned: 3 })).toEqual({ actualMicros: 84_000n, listMicros: 84_000n, providerMicros: null });
  });
  it("Segmind prices per generation, whatever came back", () => {
    expect(actualCostMicros({ provider: "segmind", model: "kling-v3", resolution: "1k", imagesReturned: 1, providerCostMicros: 35_000 })).toEqual({ actualMicros: 35_000n, listMicros: 35_000n, providerMicros: 35_000n });
  });
});
