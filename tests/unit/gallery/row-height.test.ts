import { describe, expect, it } from "vitest";
import { justifiedRows } from "@/app/(studio)/projects/[projectId]/_gallery/justified-rows";
import { rowHeightFor } from "@/app/(studio)/projects/[projectId]/_gallery/row-height";

// Issue 12 leftover: on a phone a project with few images showed two or three ~100 px tiles per row.
describe("the gallery's row height", () => {
  it("is the density's on a wide grid", () => {
    expect(rowHeightFor(640, 230)).toBe(230);
    expect(rowHeightFor(1200, 150)).toBe(150);
  });

  it("follows the width on a phone: a 16:9 image fills a 390 px screen's row alone, two squares share one", () => {
    const width = 366; // 390 px less the page's 12 px side padding
    const targetHeight = rowHeightFor(width, 230);
    expect(targetHeight).toBeGreaterThan(200);
    const wide = justifiedRows([{ width: 1360, height: 765 }, { width: 1360, height: 765 }], { width, targetHeight, gap: 6 });
    expect(wide.map((r) => r.end - r.start)).toEqual([1, 1]);
    expect(wide[0]!.height).toBeGreaterThan(200);
    const squares = justifiedRows(Array.from({ length: 4 }, () => ({ width: 1024, height: 1024 })), { width, targetHeight, gap: 6 });
    expect(squares.map((r) => r.end - r.start)).toEqual([2, 2]);
    expect(squares[0]!.height).toBeGreaterThan(170);
  });

  it("never exceeds the density's height, and scales with it", () => {
    expect(rowHeightFor(600, 230)).toBe(230);
    expect(rowHeightFor(366, 150)).toBeLessThan(rowHeightFor(366, 230));
    expect(rowHeightFor(366, 340)).toBeGreaterThan(rowHeightFor(366, 230));
  });
});
