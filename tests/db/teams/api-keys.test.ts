import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyInput, toApiKeyDto } from "@/lib/api-keys/api-key-schemas";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { authenticateApiKey, hashApiKey } from "@/lib/api-keys/authenticate-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createProjectRow } from "@/prisma/factories/create-project";
import { outcome, teamWithRoles } from "./helpers";

describe("API keys", () => {
  it("shows the key once; stores its sha256 and an 8-character prefix", async () => {
    const { team, accessOf } = await teamWithRoles();
    const { apiKey, key } = await createApiKey({ access: await accessOf("admin"), input: { name: "CMS", access: "read_write", projectIds: [] } });
    expect(key).toMatch(/^as_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 8));
    expect(apiKey.hashedKey).toBe(hashApiKey(key));
    const raw = JSON.stringify(await db.apiKey.findMany({ where: { teamId: team.id } }));
    expect(raw).not.toContain(key);
    expect(JSON.stringify((await listApiKeys({ teamId: team.id })).map(toApiKeyDto))).not.toContain(apiKey.hashedKey);
  });

  it("acts as an editor (read_write) or viewer (read), never an admin, and records last use", async () => {
    const { team, accessOf } = await teamWithRoles();
    const { apiKey, key } = await createApiKey({ access: await accessOf("owner"), input: { name: "bot", access: "read_write", projectIds: [] } });
    const caller = await authenticateApiKey(key);
    expect((await resolveTeamAccess({ caller, teamId: team.id, permission: "generation.create" })).role).toBe("editor");
    expect(await outcome(resolveTeamAccess({ caller, teamId: team.id, permission: "apikey.manage" }))).toBe("forbidden");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("is refused once expired, and stamps its last use at most once a minute", async () => {
    const { accessOf } = await teamWithRoles();
    const { apiKey, key } = await createApiKey({ access: await accessOf("owner"), input: { name: "cron", access: "read", projectIds: [] } });
    await authenticateApiKey(key);
    const first = (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt!;
    await authenticateApiKey(key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toEqual(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: twoMinutesAgo } });
    await authenticateApiKey(key);
    const stamped = (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt!;
    expect(Math.abs(stamped.getTime() - Date.now())).toBeLessThan(10_000);

    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await outcome(authenticateApiKey(key))).toBe("unauthorized");
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() + 3_600_000) } });
    expect((await authenticateApiKey(key)).keyId).toBe(apiKey.id);
  });

  it("is refused with 401 once revoked", async () => {
    const { team, accessOf } = await teamWithRoles();
    const admin = await accessOf("admin");
    const { apiKey, key } = await createApiKey({ access: admin, input: { name: "old", access: "read", projectIds: [] } });
    await revokeApiKey({ access: admin, apiKeyId: apiKey.id });
    expect(await outcome(authenticateApiKey(key))).toBe("unauthorized");
    expect(await outcome(revokeApiKey({ access: admin, apiKeyId: apiKey.id }))).toBe("not_found");
    expect((await db.auditEvent.findMany({ where: { teamId: team.id, targetId: apiKey.id } })).map((e) => e.action).sort()).toEqual(["apikey.created", "apikey.revoked"]);
  });

  it("can be scoped to projects of its own team only", async () => {
    const { team, accessOf } = await teamWithRoles();
    const other = await teamWithRoles();
    const mine = await createProjectRow({ teamId: team.id });
    const theirs = await createProjectRow({ teamId: other.team.id });
    const admin = await accessOf("admin");
    expect(await outcome(createApiKey({ access: admin, input: { name: "x", access: "read", projectIds: [theirs.id] } }))).toBe("validation_failed");
    const { apiKey } = await createApiKey({ access: admin, input: { name: "scoped", access: "read", projectIds: [mine.id, mine.id] } });
    expect(apiKey.projectIds).toEqual([mine.id]);
    // Another team's admin can't revoke it.
    expect(await outcome(revokeApiKey({ access: await other.accessOf("admin"), apiKeyId: apiKey.id }))).toBe("not_found");
  });

  it("reads spend with spend:read and sets budgets with budgets:write, never beyond its creator's current role", async () => {
    const { team, accessOf, people } = await teamWithRoles();
    const project = await createProjectRow({ teamId: team.id });
    const admin = await accessOf("admin");
    const plain = await authenticateApiKey((await createApiKey({ access: admin, input: { name: "plain", access: "read_write", projectIds: [] } })).key);
    const moneyKey = (await createApiKey({ access: admin, input: { name: "finance", access: "read_write", projectIds: [], scopes: ["spend:read", "budgets:write"] } })).key;
    const money = await authenticateApiKey(moneyKey);
    const limited = await authenticateApiKey((await createApiKey({ access: admin, input: { name: "one project", access: "read", projectIds: [project.id], scopes: ["spend:read"] } })).key);
    expect(money.scopes).toEqual(["spend:read", "budgets:write"]);

    for (const permission of ["spend.read", "budget.manage"] as const) {
      expect(await outcome(resolveTeamAccess({ caller: plain, teamId: team.id, permission }))).toBe("forbidden");
      expect(await outcome(resolveTeamAccess({ caller: money, teamId: team.id, permission }))).toBe("ok");
      expect(await outcome(getProjectOrThrow({ caller: money, projectId: project.id, permission }))).toBe("ok");
    }
    // The scope adds nothing else: still no admin powers.
    expect(await outcome(resolveTeamAccess({ caller: money, teamId: team.id, permission: "member.manage" }))).toBe("forbidden");
    // A project-limited key: its project's spend, never the team's.
    expect(await outcome(getProjectOrThrow({ caller: limited, projectId: project.id, permission: "spend.read" }))).toBe("ok");
    expect(await outcome(resolveTeamAccess({ caller: limited, teamId: team.id, permission: "spend.read" }))).toBe("forbidden");
    expect(await outcome(getProjectOrThrow({ caller: limited, projectId: project.id, permission: "budget.manage" }))).toBe("forbidden");

    // The admin who made it is demoted: the key's scope goes with the role.
    await db.membership.update({ where: { teamId_userId: { teamId: team.id, userId: people.admin.id } }, data: { role: "editor" } });
    const demoted = await authenticateApiKey(moneyKey);
    expect(demoted.creatorRole).toBe("editor");
    expect(await outcome(resolveTeamAccess({ caller: demoted, teamId: team.id, permission: "spend.read" }))).toBe("forbidden");
    expect(await outcome(getProjectOrThrow({ caller: demoted, projectId: project.id, permission: "budget.manage" }))).toBe("forbidden");
  });

  it("budgets:write needs a read-write key; unknown scopes are refused", () => {
    expect(createApiKeyInput.safeParse({ name: "x", access: "read", scopes: ["budgets:write"] }).error?.issues[0]).toMatchObject({ path: ["scopes"] });
    expect(createApiKeyInput.safeParse({ name: "x", access: "read", scopes: ["admin"] }).success).toBe(false);
    expect(createApiKeyInput.parse({ name: "x", access: "read_write", scopes: ["budgets:write"] }).scopes).toEqual(["budgets:write"]);
  });
});
