import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { JOBS_SCHEMA, stopBoss } from "@/lib/jobs/boss";
import { syncGenerationJob } from "@/lib/jobs/contracts/sync-generation";
import { drainWebhookEvents, WEBHOOK_SYNCS_PER_GENERATION } from "@/lib/webhooks/drain-webhook-events";
import { generationRows } from "@/prisma/factories/generation-rows";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

afterAll(() => stopBoss({ graceful: false, timeoutMs: 5_000 }));

// Anyone holding one job's webhook URL (an unsigned provider: the per-job token is the only credential) can send
// endless distinct events. Each stored event used to earn the generation another sync — another status request to the
// provider on the team's key — as soon as the previous one had run. Now a generation gets a few per window.

async function runningGeneration() {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const project = await createProjectRow({ teamId: team.id, name: "Hooks", createdById: user.id });
  const [row] = generationRows({ teamId: team.id, projectId: project.id, count: 1, status: "running", prompt: "flood" });
  await db.generation.createMany({ data: [row!] });
  return row!.id;
}

/** What the intake stores for a delivery with a new event key (lib/webhooks/receive-webhook.ts). */
const deliver = (generationId: string) =>
  db.webhookEvent.create({ data: { id: createId("webhookEvent"), provider: "kling", eventKey: `kling:${randomUUID()}`, generationId, payload: {} } });

async function syncsQueued(generationId: string) {
  const { rows } = await pgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`, [syncGenerationJob.name, generationId]);
  return rows[0]!.n;
}

// One instant for every drain here, so the test never straddles two windows.
const now = new Date();

describe("webhook-triggered syncs per generation", () => {
  it("stop at the allowance however many distinct events arrive", async () => {
    const id = await runningGeneration();
    let syncs = 0;
    for (let event = 0; event < 20; event++) {
      await deliver(id);
      while ((await drainWebhookEvents({ now })) > 0);
      // Each sync runs before the next event (the worker is quick), so the queue's singleton can't collapse them.
      syncs += await syncsQueued(id);
      await pgPool().query(`DELETE FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`, [syncGenerationJob.name, id]);
    }
    expect(syncs).toBe(WEBHOOK_SYNCS_PER_GENERATION.limit);
    expect(await db.webhookEvent.count({ where: { generationId: id, processedAt: null } })).toBe(0);
  });

  it("is per generation: one flooded job leaves another's sync alone", async () => {
    const [flooded, quiet] = [await runningGeneration(), await runningGeneration()];
    for (let event = 0; event < WEBHOOK_SYNCS_PER_GENERATION.limit + 3; event++) {
      await deliver(flooded);
      while ((await drainWebhookEvents({ now })) > 0);
      await pgPool().query(`DELETE FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`, [syncGenerationJob.name, flooded]);
    }
    await deliver(quiet);
    while ((await drainWebhookEvents({ now })) > 0);
    expect(await syncsQueued(quiet)).toBe(1);
  });
});
