import { describe, expect, it } from "vitest";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listProjects } from "@/lib/projects/list-projects";
import { createUser } from "@/prisma/factories/create-user";
import { addMember, createTeam } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";

async function teamWith(role: "editor" | "viewer") {
  const owner = (await createUser()).user;
  const member = (await createUser()).user;
  const team = await createTeam({ ownerId: owner.id });
  await addMember({ teamId: team.id, userId: member.id, role });
  return { owner, member, team };
}

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

describe("team access", () => {
  it("hides another team's resources behind 404 and refuses a missing permission with 403", async () => {
    const a = await teamWith("viewer");
    const b = await teamWith("editor");
    const viewer = { kind: "user" as const, userId: a.member.id };
    expect(await status(resolveTeamAccess({ caller: viewer, teamId: a.team.id, permission: "project.read" }))).toBe(200);
    expect(await status(resolveTeamAccess({ caller: viewer, teamId: a.team.id, permission: "generation.create" }))).toBe(403);
    expect(await status(resolveTeamAccess({ caller: viewer, teamId: b.team.id, permission: "project.read" }))).toBe(404);

    const otherProject = await createProjectRow({ teamId: b.team.id });
    expect(await status(getProjectOrThrow({ caller: viewer, projectId: otherProject.id, permission: "project.read" }))).toBe(404);
  });

  it("shows a restricted project only to admins and named members", async () => {
    const { owner, member, team } = await teamWith("editor");
    const secret = await createProjectRow({ teamId: team.id, name: "Embargoed", restricted: true });
    const open = await createProjectRow({ teamId: team.id, name: "Open" });
    const editor = { kind: "user" as const, userId: member.id };
    const access = await resolveTeamAccess({ caller: editor, teamId: team.id, permission: "project.read" });
    expect((await listProjects({ access })).map((p) => p.id)).toEqual([open.id]);
    expect(await status(getProjectOrThrow({ caller: editor, projectId: secret.id, permission: "project.read" }))).toBe(404);

    const ownerAccess = await resolveTeamAccess({ caller: { kind: "user", userId: owner.id }, teamId: team.id, permission: "project.read" });
    expect((await listProjects({ access: ownerAccess })).map((p) => p.name)).toEqual(["Embargoed", "Open"]);
  });
});
