import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { createGeneration } from "@/lib/generations/create-generation";
import { CLAIM_LEASE_MS } from "@/lib/generations/submit-claim";
import { submitToProvider } from "@/lib/generations/submit-to-provider";
import { settleFirstSubmits, startFirstSubmit } from "@/lib/generations/start-first-submit";
import { JOBS_SCHEMA } from "@/lib/jobs/boss";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { accessFor } from "@/tests/helpers/team-access";
import { sim, waitFor } from "@/tests/helpers/pipeline";

// Several attempts may try to send one generation at once: the process that created it, right after its commit
// (start-first-submit.ts), its backstop job, a follow-up, the sweeper's job. The submit claim decides which one sends.
// These tests call submitToProvider from the test process against the stack's database and simulator, alongside the
// stack's own worker, and count what reached the simulator.

type SimJob = { correlationId: string | null };
const sentTimes = async (generationId: string) => (await sim<{ jobs: SimJob[] }>("/jobs")).jobs.filter((j) => j.correlationId === generationId).length;
const generation = (id: string) => db.generation.findUniqueOrThrow({ where: { id } });

async function queuedGeneration(prompt: string) {
  const { user, team, project } = await memberOfNewTeam("owner");
  const access = await accessFor(user.id, team.id);
  const { generation } = await createGeneration({
    access,
    projectId: project.id,
    input: { mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt, num_images: 1 }, references: [], elementIds: [] },
  });
  return generation.id;
}

/** Statements of submit attempts blocked on a claim lock. */
async function waitingClaims() {
  const { rows } = await pgPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%claim_provider_slot(g.id%'`,
  );
  return rows[0]!.n;
}

/** Makes the generation look claimed by another attempt `ageMs` ago that has not reached the provider. */
const claimedElsewhere = (id: string, ageMs: number) => db.generation.update({ where: { id }, data: { submittedAt: new Date(Date.now() - ageMs) } });

afterEach(() => sim("/faults", { method: "DELETE" }));

describe("the submit claim", () => {
  it("lets one of many racing attempts send a generation, once", async () => {
    const id = await queuedGeneration("Six at once");
    // Hold the lock every claim of the server's Kling slots takes, until six attempts have read the generation unclaimed
    // and wait on it: when it is released they all try to claim at once.
    const holder = await pgPool().connect();
    let attempts: Promise<unknown>;
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('slots:kling:server'))");
      attempts = Promise.all(Array.from({ length: 6 }, () => submitToProvider({ generationId: id, attempt: 0 })));
      await waitFor(async () => (await waitingClaims()) >= 6, { what: "six attempts waiting to claim" });
      await holder.query("COMMIT");
    } finally {
      holder.release();
    }
    await attempts;
    expect((await generation(id)).status).toBe("submitted");
    expect(await sentTimes(id)).toBe(1);
  });

  it("leaves a claim younger than its lease to its holder, and reconciles an older one", async () => {
    const id = await queuedGeneration("Held elsewhere");
    const held = await claimedElsewhere(id, 1_000);
    await submitToProvider({ generationId: id, attempt: 0 });
    const after = await generation(id);
    expect([after.status, after.submittedAt?.getTime()]).toEqual(["queued", held.submittedAt!.getTime()]);
    expect(await sentTimes(id)).toBe(0);

    // The holder died: once the lease is over, the next attempt finds nothing at the provider and sends it.
    await claimedElsewhere(id, CLAIM_LEASE_MS + 1_000);
    await submitToProvider({ generationId: id, attempt: 0 });
    expect((await generation(id)).status).toBe("submitted");
    expect(await sentTimes(id)).toBe(1);
  });

  it("lets one of several attempts reconciling a stale claim send it, once", async () => {
    // Every call to the provider takes 300 ms, so the later attempts learn "not at the provider" only after the first
    // has already given the stale claim back, claimed afresh and started sending.
    await sim("/faults", { body: { providers: { kling: { latencyMs: 300 } } } });
    const id = await queuedGeneration("Stale claim");
    await claimedElsewhere(id, CLAIM_LEASE_MS + 1_000);
    const attempts = [];
    for (let i = 0; i < 4; i++) {
      attempts.push(submitToProvider({ generationId: id, attempt: 0 }));
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(attempts);
    expect((await generation(id)).status).toBe("submitted");
    expect(await sentTimes(id)).toBe(1);
  });

  it("is sent by the process that created it, before its backstop job runs", async () => {
    const member = await memberOfNewTeam("owner");
    const res = await member.api(`/api/v1/projects/${member.project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "Straight away", num_images: 1 } }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await waitFor(async () => (await generation(id)).status !== "queued", { what: "the first attempt", timeoutMs: 4_000 });
    // The backstop (enqueueFirstSubmit, 5 s delay) has not started: the app's own process sent it.
    const { rows } = await pgPool().query<{ state: string }>(`SELECT state FROM ${JOBS_SCHEMA}.job WHERE name = 'generation.submit' AND singleton_key = $1`, [`${id}:first`]);
    expect(rows.map((r) => r.state)).toEqual(["created"]);
    expect(await sentTimes(id)).toBe(1);
  });

  it("keeps a first attempt in view until it is recorded, so a shutdown can wait for it", async () => {
    await sim("/faults", { body: { providers: { kling: { latencyMs: 300 } } } });
    const id = await queuedGeneration("Before the restart");
    startFirstSubmit(id);
    expect(await settleFirstSubmits(0)).toBe(1);
    expect(await settleFirstSubmits(10_000)).toBe(0);
    // Waited for, not just forgotten: the send is recorded by the time the wait ends.
    expect((await generation(id)).status).toBe("submitted");
    expect(await sentTimes(id)).toBe(1);
  });
});
