import { describe, expect, it } from "vitest";
import { justifiedRows, placeRow } from "@/app/(studio)/projects/[projectId]/_gallery/justified-rows";

describe("justifiedRows", () => {
  it("fills each full row to the width and keeps every item once, in order", () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ width: [1920, 1024, 768][i % 3]!, height: [1080, 1024, 1024][i % 3]! }));
    const rows = justifiedRows(items, { width: 1000, targetHeight: 200, gap: 4 });
    expect(rows.map((r) => [r.start, r.end]).flat()).toEqual(rows.flatMap((r, i) => [i === 0 ? 0 : rows[i - 1]!.end, r.end]));
    expect(rows.at(-1)!.end).toBe(50);
    for (const r of rows.filter((r) => r.full)) {
      const used = r.widths.reduce((a, b) => a + b, 0) + 4 * (r.widths.length - 1);
      expect(used).toBeGreaterThan(990);
      expect(used).toBeLessThanOrEqual(1000);
      expect(r.height).toBeLessThanOrEqual(200);
    }
  });

  it("keeps a short last row at the target height instead of stretching it", () => {
    const rows = justifiedRows([{ width: 100, height: 100 }], { width: 1000, targetHeight: 200, gap: 4 });
    expect(rows).toEqual([{ start: 0, end: 1, height: 200, widths: [200], full: false }]);
  });

  it("survives 0×0 metadata and zero width", () => {
    expect(justifiedRows([{ width: 0, height: 0 }], { width: 300, targetHeight: 100, gap: 0 })[0]!.height).toBe(100);
    expect(justifiedRows([{ width: 1, height: 1 }], { width: 0, targetHeight: 100, gap: 0 })).toEqual([]);
  });
});

describe("placeRow", () => {
  it("fills a full row to the pixel, gaps included, and keeps a partial row's widths", () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ width: [1920, 1024, 768][i % 3]!, height: [1080, 1024, 1024][i % 3]! }));
    const rows = justifiedRows(items, { width: 997, targetHeight: 230, gap: 6 });
    for (const row of rows) {
      const boxes = placeRow(row, 997, 6);
      expect(boxes).toHaveLength(row.end - row.start);
      expect(boxes[0]!.x).toBe(0);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeCloseTo(boxes[i - 1]!.x + boxes[i - 1]!.w + 6, 6);
      const right = boxes.at(-1)!.x + boxes.at(-1)!.w;
      if (row.full) expect(right).toBeCloseTo(997, 6);
      else expect(boxes.map((b) => b.w)).toEqual(row.widths);
    }
  });
});
