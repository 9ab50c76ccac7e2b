import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closePgPool, pgPool } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { stopBoss } from "@/lib/jobs/boss";
import { loadProject } from "@/lib/projects/get-project-or-throw";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { loadAndClaimSubmission } from "@/lib/generations/load-and-claim-submission";
import { markSubmitted, releaseSubmitClaim } from "@/lib/generations/submit-claim";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { WEBHOOK_INSERT_SQL, WEBHOOK_LOOKUP_SQL, type WebhookLookupRow } from "@/lib/webhooks/receive-webhook";
import { drainWebhookEvents } from "@/lib/webhooks/drain-webhook-events";
import { encryptSecret } from "@/lib/credentials/encryption";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { generationRows } from "@/prisma/factories/generation-rows";

// The hot paths read and write through the plain pg pool (AGENTS.md, lib/db-pool.ts), with their own SQL and their
// own row types. Each test here checks a raw read returns what Prisma reads for the same row, and a raw write leaves
// what Prisma reads back: a column renamed, a timestamp read in local time or an enum cast dropped fails here.

afterAll(() => stopBoss({ graceful: false, timeoutMs: 5_000 }));

async function world() {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  const project = await createProjectRow({ teamId: team.id, createdById: user.id, name: "Raw rows" });
  return { user, team, project };
}

async function queuedGeneration(teamId: string, projectId: string, provider: "kling" | "wavespeed" = "wavespeed") {
  const [row] = generationRows({ teamId, projectId, count: 1, provider, prompt: "raw rows" });
  await db.generation.createMany({ data: [row!] });
  return row!.id as string;
}

describe("raw reads and writes on the hot paths equal what Prisma reads", () => {
  it("loadProject (project-by-id) returns Prisma's Project row, timestamps and nulls included", async () => {
    const { team, project } = await world();
    expect(await loadProject(project.id)).toEqual(await db.project.findUniqueOrThrow({ where: { id: project.id } }));
    await db.project.update({ where: { id: project.id }, data: { archivedAt: new Date("2026-03-04T05:06:07.089Z"), description: "old", restricted: true } });
    expect(await loadProject(project.id)).toEqual(await db.project.findUniqueOrThrow({ where: { id: project.id } }));
    expect(await loadProject(createId("project"))).toBeUndefined();
    expect(team.id).toBe(project.teamId);
  });

  it("authenticateApiKey (api-key-authenticate) reads the key as Prisma does and its lastUsedAt stamp reads back", async () => {
    const { user, team, project } = await world();
    const access = await resolveTeamAccess({ caller: { kind: "user", userId: user.id }, teamId: team.id, permission: "apikey.manage" });
    const { key, apiKey } = await createApiKey({ access, input: { name: "raw", access: "read", projectIds: [project.id], scopes: ["spend:read"] } });
    const before = new Date();
    const caller = await authenticateApiKey(key);
    const after = new Date();
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    const membership = await db.membership.findFirstOrThrow({ where: { teamId: team.id, userId: user.id } });
    expect(caller).toEqual({
      kind: "apiKey",
      keyId: row.id,
      teamId: row.teamId,
      access: row.access,
      projectIds: row.projectIds,
      scopes: row.scopes,
      createdById: row.createdById,
      creatorRole: membership.role,
    });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(row.lastUsedAt!.getTime()).toBeLessThanOrEqual(after.getTime() + 1);
    expect(row.updatedAt).toEqual(row.lastUsedAt);
  });

  it("loadAndClaimSubmission (generation-load-submission) returns Prisma's generation and credential, and its claim reads back", async () => {
    const { team, project } = await world();
    const generationId = await queuedGeneration(team.id, project.id);
    const credential = await db.providerCredential.create({
      data: { id: createId("credential"), teamId: team.id, provider: "wavespeed", ...encryptSecret(JSON.stringify({ apiKey: "raw-rows" })), last4: "rows" },
    });
    const now = new Date("2099-01-02T03:04:05.678Z");
    await db.generation.update({ where: { id: generationId }, data: { deadlineAt: new Date("2099-02-01T00:00:00.001Z") } });
    const loaded = await loadAndClaimSubmission(generationId, now);
    expect(loaded).not.toBeNull();
    const prisma = await db.generation.findUniqueOrThrow({
      where: { id: generationId },
      select: { id: true, teamId: true, projectId: true, provider: true, mode: true, model: true, parameters: true, status: true, correlationId: true, submittedAt: true, deadlineAt: true },
    });
    // The row was read before its claim in the same statement: submittedAt is still the unclaimed null there.
    expect(loaded!.generation).toEqual({ ...prisma, submittedAt: null });
    expect(loaded!.credential).toEqual({ id: credential.id, encrypted: credential.encrypted, keyVersion: credential.keyVersion });
    expect(loaded!.claimed).toBe(true);
    expect(prisma.submittedAt).toEqual(now);
    expect(loaded!.inputs).toEqual([]);
    expect(loaded!.elements).toEqual([]);

    // A claimed generation reads back with the claim as Prisma sees it.
    const again = await loadAndClaimSubmission(generationId, new Date("2099-01-02T03:04:06.000Z"));
    expect(again!.generation.submittedAt).toEqual(now);
    expect(again!.claimed).toBeNull();
  });

  it("releaseSubmitClaim and markSubmitted (raw writes) leave what Prisma reads back", async () => {
    const { team, project } = await world();
    const generationId = await queuedGeneration(team.id, project.id);
    const claimedAt = new Date("2099-05-06T07:08:09.123Z");
    await loadAndClaimSubmission(generationId, claimedAt);
    expect(await releaseSubmitClaim({ generationId, claimedAt: new Date(claimedAt.getTime() + 1) })).toBe(false);
    expect((await db.generation.findUniqueOrThrow({ where: { id: generationId } })).submittedAt).toEqual(claimedAt);
    expect(await releaseSubmitClaim({ generationId, claimedAt })).toBe(true);
    expect((await db.generation.findUniqueOrThrow({ where: { id: generationId } })).submittedAt).toBeNull();

    const before = new Date();
    expect(await markSubmitted({ generationId, projectId: project.id, providerTaskId: "task-raw-rows" })).toBe(true);
    const after = new Date();
    const row = await db.generation.findUniqueOrThrow({ where: { id: generationId } });
    expect(row.status).toBe("submitted");
    expect(row.providerTaskId).toBe("task-raw-rows");
    expect(row.submittedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(row.submittedAt!.getTime()).toBeLessThanOrEqual(after.getTime() + 1);
    expect(row.updatedAt).toEqual(row.submittedAt);
    // Only forward: a second mark is a no-op.
    expect(await markSubmitted({ generationId, projectId: project.id, providerTaskId: "other" })).toBe(false);
    expect((await db.generation.findUniqueOrThrow({ where: { id: generationId } })).providerTaskId).toBe("task-raw-rows");
  });

  it("consumeRateLimit (rate-limit-consume) counts the row Prisma reads, in the window it reads", async () => {
    const key = `raw-rows:${createId("project")}`;
    const now = new Date("2099-07-08T09:10:11.500Z");
    const first = await consumeRateLimit({ key, limit: 5, windowSeconds: 60, cost: 2, now });
    const second = await consumeRateLimit({ key, limit: 5, windowSeconds: 60, now: new Date(now.getTime() + 1000) });
    const rows = await db.rateLimitCounter.findMany({ where: { key } });
    expect(rows).toEqual([{ key, windowStart: new Date("2099-07-08T09:10:00.000Z"), count: 3 }]);
    expect(first.remaining).toBe(3);
    expect(second.remaining).toBe(5 - rows[0]!.count);
  });

  it("the webhook lookup (webhook-lookup) returns Prisma's generation and credential", async () => {
    const { team, project } = await world();
    const generationId = await queuedGeneration(team.id, project.id, "kling");
    const generation = await db.generation.findUniqueOrThrow({ where: { id: generationId } });
    const lookup = async () => (await pgPool().query<WebhookLookupRow>({ ...WEBHOOK_LOOKUP_SQL, values: [generation.correlationId] })).rows;
    expect(await lookup()).toEqual([
      { id: generation.id, teamId: generation.teamId, provider: generation.provider, status: generation.status, credentialId: null, encrypted: null, keyVersion: null },
    ]);
    const credential = await db.providerCredential.create({
      data: { id: createId("credential"), teamId: team.id, provider: "kling", ...encryptSecret(JSON.stringify({ accessKey: "a", secretKey: "b" })), last4: "aaaa" },
    });
    expect(await lookup()).toEqual([
      { id: generation.id, teamId: generation.teamId, provider: generation.provider, status: generation.status, credentialId: credential.id, encrypted: credential.encrypted, keyVersion: credential.keyVersion },
    ]);
  });

  it("the webhook insert and the drain's mark write UTC wall time, as Prisma does, whatever the server's TimeZone", async () => {
    const { team, project } = await world();
    const generationId = await queuedGeneration(team.id, project.id);
    // A server whose default TimeZone is far from UTC (+14 h): a bare now() or the column default would store local time.
    const { name } = (await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0]!;
    await db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET "TimeZone" = 'Pacific/Kiritimati'`);
    await closePgPool(); // new connections take the setting
    try {
      const { tz } = (await pgPool().query<{ tz: string }>("SELECT current_setting('TimeZone') AS tz")).rows[0]!;
      expect(tz).toBe("Pacific/Kiritimati");
      const eventId = createId("webhookEvent");
      await pgPool().query({ ...WEBHOOK_INSERT_SQL, values: [eventId, "wavespeed", `evt-${eventId}`, generationId, "{}", false] });
      expect(await drainWebhookEvents()).toBeGreaterThanOrEqual(1);
      const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
      for (const at of [event.receivedAt, event.processedAt!]) expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await db.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET "TimeZone"`);
      await closePgPool();
    }
  });
});
