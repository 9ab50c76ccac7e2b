import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createGeneration } from "@/lib/generations/create-generation";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { accessFor } from "@/tests/helpers/team-access";
import { sim, stackControl, waitFor, waitForSettled } from "@/tests/helpers/pipeline";

type Accounting = { jobs: Array<{ provider: string; externalId: string; correlationId: string | null; costMicros: number }> };

const PROVIDERS = ["kling", "wavespeed", "runware", "fal"] as const;

afterAll(() => sim("/faults", { method: "DELETE" }));

describe("webhooks delivered three times, shuffled, a fifth dropped, two workers", () => {
  it("completes 200 generations exactly once, with the ledger equal to the provider's bill", { timeout: 600_000 }, async () => {
    // Two worker processes share the queue, as two machines would: still nothing may happen twice.
    await stackControl("add");
    await waitFor(async () => (await db.workerHeartbeat.count({ where: { lastSeenAt: { gt: new Date(Date.now() - 10_000) } } })) >= 2, { what: "a second worker" });
    await sim("/faults", { body: { seed: 7, webhookDuplicateRate: 1, webhookCopies: 3, webhookJitterMs: 800, webhookDropRate: 0.2 } });
    const { user, team, project } = await memberOfNewTeam("owner");
    const access = await accessFor(user.id, team.id);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const { generation } = await createGeneration({
        access,
        projectId: project.id,
        input: {
          mode: "text-to-image",
          model: "kling-v3",
          provider: PROVIDERS[i % PROVIDERS.length],
          parameters: { prompt: `Chaos run ${i}`, aspect_ratio: "1:1", resolution: "1k", num_images: 1 },
          references: [],
          elementIds: [],
        },
      });
      ids.push(generation.id);
    }
    await waitForSettled(ids, 540_000);

    const generations = await db.generation.findMany({ where: { id: { in: ids } }, include: { assets: true, outputs: true, spend: true } });
    const notDone = generations.filter((g) => g.status !== "succeeded").map((g) => `${g.id} ${g.status} ${g.errorMessage}`);
    expect(notDone).toEqual([]);
    for (const g of generations) {
      expect(g.outputs).toHaveLength(1);
      expect(g.assets).toHaveLength(1);
      expect(g.spend.map((e) => e.kind).sort()).toEqual(["release", "reservation", "settlement"]);
    }
    // Duplicates were received and ignored, not missed: far more deliveries than stored events.
    const events = await db.webhookEvent.count({ where: { generationId: { in: ids } } });
    expect(events).toBeGreaterThan(0);

    const ledger = await db.spendEntry.aggregate({ where: { projectId: project.id }, _sum: { amountMicros: true } });
    const accounting = await sim<Accounting>("/accounting");
    const billed = generations.map((g) => {
      const job = accounting.jobs.find((j) => j.provider === g.provider && (j.externalId === g.providerTaskId || j.correlationId === g.correlationId));
      return job?.costMicros ?? Number.NaN;
    });
    expect(Number(ledger._sum.amountMicros)).toBe(billed.reduce((a, b) => a + b, 0));
    expect(Number(ledger._sum.amountMicros)).toBe(200 * 28_000);
  });
});
