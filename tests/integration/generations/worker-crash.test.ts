import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createGeneration } from "@/lib/generations/create-generation";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { accessFor } from "@/tests/helpers/team-access";
import { sim, stackControl, waitFor, waitForSettled } from "@/tests/helpers/pipeline";

describe("the worker is killed in the middle of 50 ingests", () => {
  it("finishes all 50 after a restart, nothing duplicated, nothing stuck", { timeout: 400_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { user, team, project } = await memberOfNewTeam("owner");
    const access = await accessFor(user.id, team.id);
    const ids: string[] = [];
    // 25 jobs × 2 images of 4K: big enough that ingests are still running when the worker dies.
    for (let i = 0; i < 25; i++) {
      const { generation } = await createGeneration({
        access,
        projectId: project.id,
        input: {
          mode: "text-to-image",
          model: "kling-v3-omni",
          provider: "kling",
          parameters: { prompt: `Crash test ${i}`, aspect_ratio: "3:2", resolution: "4k", num_images: 2 },
          references: [],
          elementIds: [],
        },
      });
      ids.push(generation.id);
    }
    await waitFor(async () => (await db.asset.count({ where: { generationId: { in: ids } } })) >= 3, { timeoutMs: 240_000, what: "the first ingests" });
    const before = await db.asset.count({ where: { generationId: { in: ids } } });
    await stackControl("kill");
    expect(before).toBeLessThan(50);
    await new Promise((r) => setTimeout(r, 1000));
    await stackControl("start");

    await waitForSettled(ids, 300_000);
    const outputs = await db.generationOutput.findMany({ where: { generationId: { in: ids } } });
    expect(outputs).toHaveLength(50);
    expect(outputs.filter((o) => o.status !== "ingested")).toEqual([]);
    expect(await db.asset.count({ where: { generationId: { in: ids } } })).toBe(50);
    expect(await db.generation.count({ where: { id: { in: ids }, status: { not: "succeeded" } } })).toBe(0);
    const settlements = await db.spendEntry.count({ where: { generationId: { in: ids }, kind: "settlement" } });
    expect(settlements).toBe(25);
  });
});
