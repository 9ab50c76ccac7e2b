import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { priceCheck } from "@/lib/spend/price-check";
import { spendReport } from "@/lib/spend/spend-report";
import { spendRangeQuery } from "@/lib/spend/spend-query-schemas";
import { handLedger } from "./ledger-fixture";

const march = spendRangeQuery.parse({ from: "2025-03-01", to: "2025-03-31" });

describe("price check: provider-reported cost against our price table", () => {
  it("lists only settled generations in range whose reported cost differs, with the difference", async () => {
    const { team, p1, p2, generationIds: [g1, , g3, , , g6] } = await handLedger();
    // g1: Kling reported $0.050 for 2 images our table prices at $0.056; g3: fal reports nothing; g6: a February
    // difference, outside the range.
    await db.generation.update({ where: { id: g1 }, data: { providerCostMicros: 50_000n, listCostMicros: 56_000n } });
    await db.generation.update({ where: { id: g3 }, data: { providerCostMicros: null, listCostMicros: 28_000n } });
    await db.generation.update({ where: { id: g6 }, data: { providerCostMicros: 1_000n, listCostMicros: 28_000n } });

    const team_ = await priceCheck({ teamId: team.id, from: march.from, to: march.to });
    expect(team_).toEqual({
      count: 1,
      differenceMicros: -6_000,
      rows: [{ generationId: g1, projectId: p1.id, projectName: "P1", model: "kling-v3", provider: "kling", resolution: expect.any(String), listMicros: 56_000, providerMicros: 50_000, differenceMicros: -6_000, settledAt: "2025-03-02T12:00:00.000Z" }],
    });
    expect((await priceCheck({ teamId: team.id, projectId: p2.id, from: march.from, to: march.to })).count).toBe(0);
    // The spend answer carries it, so the API and both pages flag it.
    expect((await spendReport({ teamId: team.id, range: march })).priceCheck.count).toBe(1);
    expect((await spendReport({ teamId: team.id, projectId: p1.id, range: march })).priceCheck.rows[0]?.generationId).toBe(g1);
  });

  it("matching figures are not flagged", async () => {
    const { team, generationIds: [g1] } = await handLedger();
    await db.generation.update({ where: { id: g1 }, data: { providerCostMicros: 56_000n, listCostMicros: 56_000n } });
    expect(await priceCheck({ teamId: team.id, from: march.from, to: march.to })).toEqual({ count: 0, differenceMicros: 0, rows: [] });
  });
});
