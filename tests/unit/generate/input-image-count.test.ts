import { describe, expect, it } from "vitest";
import { inputImageCount } from "@/app/(studio)/projects/[projectId]/_components/generate/input-image-count";

describe("the generate panel's image count for elements sent as images", () => {
  it("counts each reference once and each element as its frontal plus its views", () => {
    expect(inputImageCount({ references: 2, elementReferences: [3, 1], max: 10, providerLabel: "WaveSpeed" }))
      .toEqual({ count: 8, max: 10, problem: null });
    expect(inputImageCount({ references: 0, elementReferences: [], max: 10, providerLabel: "WaveSpeed" }).count).toBe(0);
  });
  it("allows exactly the limit and names the overrun past it", () => {
    expect(inputImageCount({ references: 2, elementReferences: [3, 3], max: 10, providerLabel: "WaveSpeed" }).problem).toBeNull();
    const over = inputImageCount({ references: 1, elementReferences: [3, 3, 3], max: 10, providerLabel: "WaveSpeed" });
    expect(over.count).toBe(13);
    expect(over.problem).toBe("WaveSpeed takes at most 10 images, and each element's frontal and reference images count: these make 13. Remove an element or a reference image.");
  });
});
