import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import * as sim from "@/simulator/credentials";
import { studioEnvFor } from "@/simulator/studio-env";
import { saveProviderCredential } from "@/lib/credentials/save-provider-credential";
import { deleteProviderCredential } from "@/lib/credentials/delete-provider-credential";
import { listProviderCredentials } from "@/lib/providers-config/list-provider-credentials";
import { rotateCredentials } from "@/lib/credentials/rotate-credentials";
import { decryptSecret, encryptSecret, encryptionKeys } from "@/lib/credentials/encryption";
import { resolveProviderConfig } from "@/lib/providers-config/resolve-provider-config";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { createId } from "@/lib/ids";
import { createUser } from "@/prisma/factories/create-user";
import { createTeam } from "@/prisma/factories/create-team";

// The key check talks to a provider: here, the simulator, which accepts only the keys in simulator/credentials.ts.
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, host: "127.0.0.1" });
  Object.assign(process.env, studioEnvFor(simulator.url));
});
afterAll(async () => {
  await simulator?.close();
});

async function ownerAccess() {
  const { user } = await createUser();
  const team = await createTeam({ ownerId: user.id });
  return resolveTeamAccess({ caller: { kind: "user", userId: user.id }, teamId: team.id, permission: "credential.manage" });
}

const GOOD = {
  kling: { accessKey: sim.KLING_ACCESS_KEY, secretKey: sim.KLING_SECRET_KEY },
  wavespeed: { apiKey: sim.WAVESPEED_API_KEY },
  runware: { apiKey: sim.RUNWARE_API_KEY },
  segmind: { apiKey: sim.SEGMIND_API_KEY },
  fal: { key: sim.FAL_KEY },
} as const;

describe("provider credentials", () => {
  it("round-trips: checked, encrypted in the database, usable by the worker, shown only as last 4", async () => {
    const access = await ownerAccess();
    const saved = await saveProviderCredential({ access, provider: "kling", secrets: GOOD.kling });
    expect(saved).toMatchObject({ provider: "kling", last4: "cess", checkedAt: expect.any(Date) });

    const raw = await db.$queryRaw<{ encrypted: string }[]>`SELECT * FROM "ProviderCredential" WHERE "teamId" = ${access.teamId}`;
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain(sim.KLING_SECRET_KEY);
    expect(rawText).not.toContain(sim.KLING_ACCESS_KEY);
    expect(rawText).not.toContain(Buffer.from(sim.KLING_SECRET_KEY).toString("base64"));

    const resolved = await resolveProviderConfig({ teamId: access.teamId, provider: "kling" });
    expect(resolved.source).toBe("team");
    expect(resolved.config.credentials).toEqual(GOOD.kling);

    const listed = await listProviderCredentials({ teamId: access.teamId });
    expect(listed.find((c) => c.provider === "kling")).toMatchObject({ source: "team", last4: "cess" });
    expect(listed.find((c) => c.provider === "fal")).toMatchObject({ source: "simulator", last4: null });
    expect(JSON.stringify(listed)).not.toContain(sim.KLING_SECRET_KEY);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { teamId: access.teamId, action: "credential.saved" } });
    expect(JSON.stringify(audit)).not.toContain(sim.KLING_SECRET_KEY);
  });

  it("accepts each provider's working key", async () => {
    const access = await ownerAccess();
    for (const [provider, secrets] of Object.entries(GOOD)) {
      await expect(saveProviderCredential({ access, provider: provider as keyof typeof GOOD, secrets })).resolves.toMatchObject({ provider });
    }
    expect(await db.providerCredential.count({ where: { teamId: access.teamId } })).toBe(5);
  });

  it("refuses a key the provider rejects, with a message beside the field, and stores nothing", async () => {
    const access = await ownerAccess();
    const cases = [
      ["kling", { accessKey: "wrong", secretKey: "wrong" }, "accessKey"],
      ["wavespeed", { apiKey: "wrong" }, "apiKey"],
      ["runware", { apiKey: "wrong" }, "apiKey"],
      ["segmind", { apiKey: "wrong" }, "apiKey"],
      ["fal", { key: "wrong:wrong" }, "key"],
    ] as const;
    for (const [provider, secrets, field] of cases) {
      const error = await saveProviderCredential({ access, provider, secrets }).catch((e: unknown) => e);
      expect(error, provider).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation_failed");
      expect(Object.keys((error as AppError).fields ?? {})).toEqual([field]);
    }
    const malformed = await saveProviderCredential({ access, provider: "fal", secrets: { key: "no-colon" } }).catch((e: unknown) => e);
    expect((malformed as { issues?: unknown[] }).issues).toBeDefined();
    expect(await db.providerCredential.count({ where: { teamId: access.teamId } })).toBe(0);
  });

  it("deletes: the team falls back to the server's key or the simulator", async () => {
    const access = await ownerAccess();
    await saveProviderCredential({ access, provider: "segmind", secrets: GOOD.segmind });
    await deleteProviderCredential({ access, provider: "segmind" });
    expect((await resolveProviderConfig({ teamId: access.teamId, provider: "segmind" })).source).toBe("simulator");
    expect((await db.auditEvent.findMany({ where: { teamId: access.teamId }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["credential.saved", "credential.deleted"]);
  });
});

describe("key rotation", () => {
  it("re-encrypts every row with the first key so the old key can be dropped", async () => {
    // The current key is the old one, so rows saved by the other tests rotate too.
    const oldKey = env().CREDENTIALS_ENCRYPTION_KEYS;
    const newKey = Buffer.alloc(32, 2).toString("base64");
    const before = encryptionKeys(oldKey);
    const access = await ownerAccess();
    const { encrypted, keyVersion } = encryptSecret(JSON.stringify(GOOD.runware), before);
    await db.providerCredential.create({ data: { id: createId("credential"), teamId: access.teamId, provider: "runware", encrypted, keyVersion, last4: "-key" } });

    const both = encryptionKeys(`${newKey},${oldKey}`);
    const result = await rotateCredentials({ keys: both });
    expect(result.rotated).toBeGreaterThanOrEqual(1);
    expect(result.remaining).toBe(0);
    const row = await db.providerCredential.findUniqueOrThrow({ where: { teamId_provider: { teamId: access.teamId, provider: "runware" } } });
    expect(row.keyVersion).toBe(2);
    const onlyNew = encryptionKeys(newKey).map((k) => ({ ...k, version: 2 }));
    expect(JSON.parse(decryptSecret(row, onlyNew))).toEqual(GOOD.runware);
    expect((await rotateCredentials({ keys: both })).rotated).toBe(0);
  });
});
