import { describe, expect, it } from "vitest";
import { createId } from "@/lib/ids";

describe("createId", () => {
  it("prefixes by kind", () => {
    expect(createId("generation")).toMatch(/^gen_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(createId("asset")).toMatch(/^ast_/);
  });

  it("sorts by creation time", () => {
    const ids = [createId("asset", 1_700_000_000_000), createId("asset", 1_700_000_000_001), createId("asset", 1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => createId("asset", 1)));
    expect(ids.size).toBe(10_000);
  });
});
