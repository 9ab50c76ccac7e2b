import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateProject } from "@/lib/projects/update-project";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { removeProjectMember } from "@/lib/projects/remove-project-member";
import { listProjectMembers } from "@/lib/projects/list-project-members";
import { listProjects } from "@/lib/projects/list-projects";
import { createProject } from "@/lib/projects/create-project";
import { createUser } from "@/prisma/factories/create-user";
import { createProjectRow } from "@/prisma/factories/create-project";
import { outcome, teamWithRoles } from "./helpers";

describe("project settings", () => {
  it("creates, renames, archives and unarchives, auditing each change", async () => {
    const { team, accessOf } = await teamWithRoles();
    const admin = await accessOf("admin");
    const project = await createProject({ access: admin, input: { name: "Spring" } });
    await updateProject({ access: admin, projectId: project.id, input: { name: "Spring 2027", description: "Key visuals" } });
    await updateProject({ access: admin, projectId: project.id, input: { archived: true } });
    expect(await listProjects({ access: admin })).toEqual([]);
    await updateProject({ access: admin, projectId: project.id, input: { archived: false } });
    expect((await listProjects({ access: admin })).map((p) => p.name)).toEqual(["Spring 2027"]);
    const events = await db.auditEvent.findMany({ where: { teamId: team.id, targetId: project.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["project.created", "project.updated", "project.archived", "project.unarchived"]);
  });

  it("restricts a project to named members, who can then see it", async () => {
    const { team, people, accessOf } = await teamWithRoles();
    const admin = await accessOf("admin");
    const project = await createProjectRow({ teamId: team.id, name: "Embargo" });
    await updateProject({ access: admin, projectId: project.id, input: { restricted: true } });
    expect(await listProjects({ access: await accessOf("editor") })).toEqual([]);
    await addProjectMember({ access: admin, projectId: project.id, userId: people.editor.id });
    expect((await listProjects({ access: await accessOf("editor") })).map((p) => p.id)).toEqual([project.id]);
    expect((await listProjectMembers({ projectId: project.id })).map((m) => m.userId)).toEqual([people.editor.id]);
    await removeProjectMember({ access: admin, projectId: project.id, userId: people.editor.id });
    expect(await listProjects({ access: await accessOf("editor") })).toEqual([]);
  });

  it("names only members of the project's team and never reaches another team's project", async () => {
    const { team, accessOf } = await teamWithRoles();
    const other = await teamWithRoles();
    const project = await createProjectRow({ teamId: team.id });
    const stranger = (await createUser()).user;
    const admin = await accessOf("admin");
    expect(await outcome(addProjectMember({ access: admin, projectId: project.id, userId: stranger.id }))).toBe("validation_failed");
    expect(await outcome(updateProject({ access: await other.accessOf("owner"), projectId: project.id, input: { name: "x" } }))).toBe("not_found");
    expect(await outcome(removeProjectMember({ access: admin, projectId: project.id, userId: stranger.id }))).toBe("not_found");
  });
});
