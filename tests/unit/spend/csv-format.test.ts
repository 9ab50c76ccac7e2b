import { describe, expect, it } from "vitest";
import { csvRow, csvText, usdDecimal } from "@/lib/spend/csv-format";
import { spendRangeQuery } from "@/lib/spend/spend-query-schemas";

describe("CSV cells", () => {
  it("writes exact decimal dollars from micro-dollars, signs and all", () => {
    expect(usdDecimal(28_000n)).toBe("0.028000");
    expect(usdDecimal("-56000")).toBe("-0.056000");
    expect(usdDecimal(1_234_567_891n)).toBe("1234.567891");
    expect(usdDecimal(0n)).toBe("0.000000");
    expect(usdDecimal(null)).toBe("");
    // Beyond a double's exact range, still exact.
    expect(usdDecimal(9_007_199_254_740_993n)).toBe("9007199254.740993");
  });

  it("quotes what needs quoting and ends rows with CRLF", () => {
    expect(csvRow(["a", 'say "hi"', "x,y", "two\nlines", null, 3])).toBe('a,"say ""hi""","x,y","two\nlines",,3\r\n');
  });

  it("neutralises a leading formula in text people typed, and leaves numbers alone", () => {
    expect(csvText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(csvText("+1")).toBe("'+1");
    expect(csvText("@sum")).toBe("'@sum");
    expect(csvText("Spring launch")).toBe("Spring launch");
    expect(csvRow([usdDecimal(-1n)])).toBe("-0.000001\r\n");
  });
});

describe("spend range", () => {
  it("is whole UTC days with `to` inclusive, and refuses an end before the start", () => {
    const r = spendRangeQuery.parse({ from: "2025-03-01", to: "2025-03-31", groupBy: "model" });
    expect(r.from.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(r.to.toISOString()).toBe("2025-04-01T00:00:00.000Z");
    expect(spendRangeQuery.safeParse({ from: "2025-03-02", to: "2025-03-01" }).success).toBe(false);
    expect(spendRangeQuery.safeParse({ groupBy: "colour" }).success).toBe(false);
  });
});
