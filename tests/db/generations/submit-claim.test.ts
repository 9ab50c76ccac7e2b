import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Provider } from "@/lib/generated/prisma/enums";
import { claimProviderSlot, releaseSubmitClaim } from "@/lib/generations/submit-claim";
import { loadAndClaimSubmission } from "@/lib/generations/load-and-claim-submission";
import { encryptSecret } from "@/lib/credentials/encryption";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { generationRows } from "@/prisma/factories/generation-rows";

// PROVIDER_CONCURRENCY is unset in the db tier: its default allows Kling 20 images and the others 10 jobs each.
const LIMIT = 10;
const KLING_IMAGES = 20;

/** Queued generations in a new team, and that team's credential for the provider (so tests never share slots). */
async function queuedGenerations(options: { provider: Provider; numImages: number; count: number }) {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const project = await createProjectRow({ teamId: team.id, createdById: user.id });
  const { id: credentialId } = await db.providerCredential.create({
    // Really encrypted: other db tests (key rotation) decrypt every row in the database.
    data: { id: createId("credential"), teamId: team.id, provider: options.provider, ...encryptSecret(JSON.stringify({ apiKey: "slots" })), last4: "lots" },
  });
  const rows = generationRows({ teamId: team.id, projectId: project.id, count: options.count, provider: options.provider, numImages: options.numImages, prompt: "slots" });
  await db.generation.createMany({ data: rows });
  const ids = rows.map((r) => r.id);
  return { ids, credentialId };
}

describe("claimProviderSlot", () => {
  it("lets 30 racing claims take exactly the limit's worth of jobs", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "wavespeed", numImages: 1, count: 30 });
    const claims = await Promise.all(ids.map((id) => claimProviderSlot({ generation: { id, provider: "wavespeed" }, credentialId, claimedAt: new Date() })));
    expect(claims.filter(Boolean)).toHaveLength(LIMIT);
    const claimed = await db.generation.findMany({ where: { id: { in: ids }, submittedAt: { not: null } } });
    expect(claimed).toHaveLength(LIMIT);
    expect(claimed.every((g) => g.providerCredentialId === credentialId && g.status === "queued")).toBe(true);
  });

  it("counts Kling's images, not its jobs", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "kling", numImages: 6, count: 8 });
    const claims = await Promise.all(ids.map((id) => claimProviderSlot({ generation: { id, provider: "kling" }, credentialId, claimedAt: new Date() })));
    // 3 jobs × 6 images fit in 20; a fourth would make 24.
    expect(claims.filter(Boolean)).toHaveLength(Math.floor(KLING_IMAGES / 6));
  });

  it("frees a slot when a job ends, and always admits one job to an empty credential", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "kling", numImages: KLING_IMAGES + 4, count: 2 });
    const [big, next] = ids;
    expect(await claimProviderSlot({ generation: { id: big!, provider: "kling" }, credentialId, claimedAt: new Date() })).toBe(true);
    expect(await claimProviderSlot({ generation: { id: next!, provider: "kling" }, credentialId, claimedAt: new Date() })).toBe(false);
    await db.generation.update({ where: { id: big! }, data: { status: "succeeded" } });
    expect(await claimProviderSlot({ generation: { id: next!, provider: "kling" }, credentialId, claimedAt: new Date() })).toBe(true);
  });

  it("keeps credentials apart, including the server's own keys (no credential row)", async () => {
    // The only test using segmind with the server's keys, so the null credential's slots are this test's alone.
    const { ids, credentialId } = await queuedGenerations({ provider: "segmind", numImages: 1, count: LIMIT + 1 });
    for (const id of ids.slice(0, LIMIT)) expect(await claimProviderSlot({ generation: { id, provider: "segmind" }, credentialId: null, claimedAt: new Date() })).toBe(true);
    const last = ids[LIMIT]!;
    expect(await claimProviderSlot({ generation: { id: last, provider: "segmind" }, credentialId: null, claimedAt: new Date() })).toBe(false);
    expect(await claimProviderSlot({ generation: { id: last, provider: "segmind" }, credentialId, claimedAt: new Date() })).toBe(true);
  });

  it("never claims a generation that has left the queue, and says so apart from a full credential", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "fal", numImages: 1, count: 1 });
    await db.generation.update({ where: { id: ids[0]! }, data: { status: "cancelled" } });
    expect(await claimProviderSlot({ generation: { id: ids[0]!, provider: "fal" }, credentialId, claimedAt: new Date() })).toBeNull();
    expect(await claimProviderSlot({ generation: { id: "generation_gone", provider: "fal" }, credentialId, claimedAt: new Date() })).toBeNull();
  });

  it("gives one generation to one of many racing claims; the others are told it is taken", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "fal", numImages: 1, count: 1 });
    const id = ids[0]!;
    const times = Array.from({ length: 12 }, (_, i) => new Date(Date.now() + i));
    const claims = await Promise.all(times.map((claimedAt) => claimProviderSlot({ generation: { id, provider: "fal" }, credentialId, claimedAt })));
    expect(claims.filter((c) => c === true)).toHaveLength(1);
    expect(claims.filter((c) => c === null)).toHaveLength(11);
    // The claim holds the winner's time, which is what a release must name.
    const winner = times[claims.indexOf(true)]!;
    expect((await db.generation.findUniqueOrThrow({ where: { id } })).submittedAt?.getTime()).toBe(winner.getTime());
  });

  it("releases only the claim it names", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "fal", numImages: 1, count: 1 });
    const id = ids[0]!;
    const first = new Date(Date.now() - 120_000);
    expect(await claimProviderSlot({ generation: { id, provider: "fal" }, credentialId, claimedAt: first })).toBe(true);
    expect(await releaseSubmitClaim({ generationId: id, claimedAt: first })).toBe(true);
    const second = new Date();
    expect(await claimProviderSlot({ generation: { id, provider: "fal" }, credentialId, claimedAt: second })).toBe(true);
    // A late attempt that still believes in the first claim can't take the second one away.
    expect(await releaseSubmitClaim({ generationId: id, claimedAt: first })).toBe(false);
    expect((await db.generation.findUniqueOrThrow({ where: { id } })).submittedAt?.getTime()).toBe(second.getTime());
  });

  it("is taken by the submit job's load for a fresh queued job, and only then", async () => {
    const { ids, credentialId } = await queuedGenerations({ provider: "runware", numImages: 1, count: LIMIT + 3 });
    const [expired, claimedEarlier, ...fresh] = ids;
    await db.generation.update({ where: { id: expired! }, data: { deadlineAt: new Date(Date.now() - 1_000) } });
    await db.generation.update({ where: { id: claimedEarlier! }, data: { submittedAt: new Date(), providerCredentialId: credentialId } });

    // Past its deadline, or claimed by an earlier attempt (to be reconciled first): the load leaves the decision to the job.
    expect((await loadAndClaimSubmission(expired!))?.claimed).toBeNull();
    expect((await loadAndClaimSubmission(claimedEarlier!))?.claimed).toBeNull();
    // The earlier claim holds one of the credential's places, so LIMIT − 1 of the fresh ones fit; the loads race.
    const loads = await Promise.all(fresh.map((id) => loadAndClaimSubmission(id)));
    expect(loads.map((l) => l?.claimed).filter((c) => c === true)).toHaveLength(LIMIT - 1);
    expect(loads.map((l) => l?.claimed).filter((c) => c === false)).toHaveLength(fresh.length - (LIMIT - 1));
    expect(loads.every((l) => l?.credential?.id === credentialId)).toBe(true);
    const holding = await db.generation.count({ where: { id: { in: ids }, submittedAt: { not: null } } });
    expect(holding).toBe(LIMIT);
  });
});
