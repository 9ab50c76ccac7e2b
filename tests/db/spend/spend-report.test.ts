import { describe, expect, it } from "vitest";
import { spendReport } from "@/lib/spend/spend-report";
import { spendRangeQuery } from "@/lib/spend/spend-query-schemas";
import { handLedger } from "./ledger-fixture";

const march = (groupBy: string) => spendRangeQuery.parse({ from: "2025-03-01", to: "2025-03-31", groupBy });
const zero = { failed: 0, refunded: 0, refundedMicros: 0 };

describe("spend report: figures against a hand-computed ledger", () => {
  it("totals, cost per image and cost per approved asset for the team", async () => {
    const { team } = await handLedger();
    const report = await spendReport({ teamId: team.id, range: march("day") });
    expect(report.range).toEqual({ from: "2025-03-01", to: "2025-03-31" });
    expect(report.totals).toEqual({
      spentMicros: 106_000, settledMicros: 78_000, generations: 5, images: 3, failed: 1, refunded: 2, refundedMicros: 40_000,
      // settled cost ÷ images returned (g4's open reservation has no images yet)
      costPerImageMicros: 26_000, approvedAssets: 2, costPerApprovedAssetMicros: 53_000,
    });
    expect(report.groups.map((g) => [g.key, g.spentMicros, g.generations])).toEqual([
      ["2025-03-02", 50_000, 1],
      ["2025-03-03", 28_000, 2],
      ["2025-03-04", 28_000, 2],
    ]);
  });

  it("groups by model, provider, member and project, each adding up to the total", async () => {
    const { team, p1, p2, a, b } = await handLedger();
    const pick = (r: Awaited<ReturnType<typeof spendReport>>) => r.groups.map(({ key, label, spentMicros, generations, images, failed, refunded, refundedMicros }) => ({ key, label, spentMicros, generations, images, failed, refunded, refundedMicros }));
    expect(pick(await spendReport({ teamId: team.id, range: march("model") }))).toEqual([
      { key: "kling-v3", label: "kling-v3", spentMicros: 106_000, generations: 3, images: 3, ...zero },
      { key: "kling-o3", label: "kling-o3", spentMicros: 0, generations: 2, images: 0, failed: 1, refunded: 2, refundedMicros: 40_000 },
    ]);
    expect(pick(await spendReport({ teamId: team.id, range: march("provider") }))).toEqual([
      { key: "kling", label: "kling", spentMicros: 78_000, generations: 3, images: 2, failed: 0, refunded: 1, refundedMicros: 10_000 },
      { key: "fal", label: "fal", spentMicros: 28_000, generations: 2, images: 1, failed: 1, refunded: 1, refundedMicros: 30_000 },
    ]);
    expect(pick(await spendReport({ teamId: team.id, range: march("member") }))).toEqual([
      { key: a.id, label: "Ada", spentMicros: 78_000, generations: 3, images: 3, failed: 0, refunded: 1, refundedMicros: 10_000 },
      { key: b.id, label: "Bo", spentMicros: 28_000, generations: 2, images: 0, failed: 1, refunded: 1, refundedMicros: 30_000 },
    ]);
    expect(pick(await spendReport({ teamId: team.id, range: march("project") }))).toEqual([
      { key: p2.id, label: "P2", spentMicros: 56_000, generations: 2, images: 1, ...zero },
      { key: p1.id, label: "P1", spentMicros: 50_000, generations: 3, images: 2, failed: 1, refunded: 2, refundedMicros: 40_000 },
    ]);
  });

  it("groups by element, a generation counting under each element it used", async () => {
    const { team } = await handLedger();
    const groups = (await spendReport({ teamId: team.id, range: march("element") })).groups;
    expect(groups.map((g) => [g.label, g.spentMicros, g.generations])).toEqual([
      ["Hero mascot", 78_000, 2],
      ["Brand palette", 28_000, 1],
      ["No element", 28_000, 3],
    ]);
  });

  it("a project's view holds only its own ledger; a range outside March holds February's", async () => {
    const { team, p1 } = await handLedger();
    const report = await spendReport({ teamId: team.id, projectId: p1.id, range: march("member") });
    expect(report.totals).toMatchObject({ spentMicros: 50_000, generations: 3, images: 2, failed: 1, refunded: 2, approvedAssets: 1, costPerApprovedAssetMicros: 50_000 });
    const feb = await spendReport({ teamId: team.id, range: spendRangeQuery.parse({ from: "2025-02-01", to: "2025-02-28" }) });
    expect(feb.totals).toMatchObject({ spentMicros: 1_000, generations: 1, images: 1, approvedAssets: 1 });
  });
});
