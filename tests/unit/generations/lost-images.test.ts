import { describe, expect, it } from "vitest";
import { lostImages } from "@/lib/generations/lost-images";

// Issue 16 point 5: the generation says plainly which images were paid for but lost (1-based, as people count).
describe("lostImages", () => {
  it("names every failed output of a finished job, in order, as paid for", () => {
    const outputs = [{ index: 3, status: "failed" }, { index: 0, status: "ingested" }, { index: 1, status: "failed" }, { index: 2, status: "pending" }];
    expect(lostImages({ status: "succeeded", outputs })).toEqual({
      images: [2, 4],
      paidFor: true,
      message: "Images 2 and 4 were paid for but lost: we could not copy them from the provider, so they are not in the gallery.",
    });
    expect(lostImages({ status: "succeeded", outputs: [0, 1, 2].map((index) => ({ index, status: "failed" })) })?.message).toMatch(/^Images 1, 2 and 3 were paid for but lost/);
  });

  it("is null when nothing was lost, or the job never finished (nothing was charged)", () => {
    expect(lostImages({ status: "succeeded", outputs: [{ index: 0, status: "ingested" }, { index: 1, status: "pending" }] })).toBeNull();
    expect(lostImages({ status: "failed", outputs: [] })).toBeNull();
  });
});
