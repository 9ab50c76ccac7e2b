import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTeam } from "@/lib/teams/create-team";
import { leaveTeam } from "@/lib/teams/leave-team";
import { removeMember } from "@/lib/teams/remove-member";
import { changeMemberRole } from "@/lib/teams/change-member-role";
import { transferOwnership } from "@/lib/teams/transfer-ownership";
import { renameTeam } from "@/lib/teams/rename-team";
import { listMembers } from "@/lib/teams/list-members";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { createUser } from "@/prisma/factories/create-user";
import { createProjectRow } from "@/prisma/factories/create-project";
import { outcome, teamWithRoles } from "./helpers";

const actions = async (teamId: string) => (await db.auditEvent.findMany({ where: { teamId }, orderBy: { id: "asc" } })).map((e) => e.action);

describe("teams", () => {
  it("creates a team owned by its creator, and audits it", async () => {
    const { user } = await createUser();
    const team = await createTeam({ userId: user.id, input: { name: "Northwind Creative" } });
    expect(team.slug).toMatch(/^northwind-creative-[0-9a-f]{6}$/);
    expect(await listMembers({ teamId: team.id })).toMatchObject([{ userId: user.id, role: "owner" }]);
    expect(await actions(team.id)).toEqual(["team.created"]);
  });

  it("lets only owners rename (team.manage) and records from/to", async () => {
    const { team, accessOf } = await teamWithRoles();
    const owner = await accessOf("owner");
    await renameTeam({ access: owner, input: { name: "Renamed" } });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Renamed");
    const admin = await accessOf("admin");
    expect(await outcome(resolveTeamAccess({ caller: admin.caller, teamId: team.id, permission: "team.manage" }))).toBe("forbidden");
  });
});

describe("a team always keeps an owner", () => {
  it("refuses the last owner leaving, being demoted or being removed", async () => {
    const { people, accessOf } = await teamWithRoles();
    const owner = await accessOf("owner");
    expect(await outcome(leaveTeam({ access: owner }))).toBe("conflict");
    expect(await outcome(changeMemberRole({ access: owner, userId: people.owner.id, role: "admin" }))).toBe("conflict");
    expect(await outcome(removeMember({ access: owner, userId: people.owner.id }))).toBe("conflict");
  });

  it("lets an owner leave once another owner exists", async () => {
    const { team, people, accessOf } = await teamWithRoles();
    const owner = await accessOf("owner");
    await changeMemberRole({ access: owner, userId: people.admin.id, role: "owner" });
    await leaveTeam({ access: owner });
    expect((await listMembers({ teamId: team.id })).filter((m) => m.role === "owner").map((m) => m.userId)).toEqual([people.admin.id]);
    expect(await actions(team.id)).toEqual(["member.role_changed", "member.left"]);
  });

  it("lets exactly one of two owners leave when both try at once", async () => {
    const { team, people, accessOf } = await teamWithRoles();
    await changeMemberRole({ access: await accessOf("owner"), userId: people.admin.id, role: "owner" });
    const results = await Promise.all([leaveTeam({ access: await accessOf("owner") }), leaveTeam({ access: await accessOf("admin") })].map(outcome));
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.membership.count({ where: { teamId: team.id, role: "owner" } })).toBe(1);
  });

  it("transfers ownership: the new owner is an owner, the old one an admin", async () => {
    const { team, people, accessOf } = await teamWithRoles();
    await transferOwnership({ access: await accessOf("owner"), userId: people.editor.id });
    const roles = Object.fromEntries((await listMembers({ teamId: team.id })).map((m) => [m.userId, m.role]));
    expect(roles[people.editor.id]).toBe("owner");
    expect(roles[people.owner.id]).toBe("admin");
    expect(await outcome(transferOwnership({ access: await accessOf("admin"), userId: people.viewer.id }))).toBe("forbidden");
  });
});

describe("roles and removal", () => {
  it("keeps the owner role out of admins' hands", async () => {
    const { people, accessOf } = await teamWithRoles();
    const admin = await accessOf("admin");
    expect(await outcome(changeMemberRole({ access: admin, userId: people.editor.id, role: "owner" }))).toBe("forbidden");
    expect(await outcome(changeMemberRole({ access: admin, userId: people.owner.id, role: "viewer" }))).toBe("forbidden");
    expect(await outcome(removeMember({ access: admin, userId: people.owner.id }))).toBe("forbidden");
    expect(await outcome(changeMemberRole({ access: admin, userId: people.editor.id, role: "viewer" }))).toBe("ok");
  });

  it("removing a member ends their access, named project access and the API keys they created", async () => {
    const { team, people, accessOf } = await teamWithRoles();
    const admin = await accessOf("admin");
    const project = await createProjectRow({ teamId: team.id, restricted: true });
    await db.projectMember.create({ data: { projectId: project.id, userId: people.admin.id } });
    const { key } = await createApiKey({ access: admin, input: { name: "ci", access: "read", projectIds: [] } });

    const result = await removeMember({ access: await accessOf("owner"), userId: people.admin.id });
    expect(result).toEqual({ role: "admin", revokedKeys: 1 });
    expect(await outcome(accessOf("admin"))).toBe("not_found");
    expect(await db.projectMember.count({ where: { userId: people.admin.id } })).toBe(0);
    const { authenticateApiKey } = await import("@/lib/api-keys/authenticate-api-key");
    expect(await outcome(authenticateApiKey(key))).toBe("unauthorized");
    expect(await actions(team.id)).toContain("member.removed");
  });

  it("refuses to touch someone who isn't in the team", async () => {
    const { accessOf } = await teamWithRoles();
    const { user } = await createUser();
    expect(await outcome(removeMember({ access: await accessOf("owner"), userId: user.id }))).toBe("not_found");
    expect(await outcome(changeMemberRole({ access: await accessOf("owner"), userId: user.id, role: "admin" }))).toBe("not_found");
  });
});
