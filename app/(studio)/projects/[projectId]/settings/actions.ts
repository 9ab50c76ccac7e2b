"use server";

import { revalidatePath } from "next/cache";
import { updateProject } from "@/lib/projects/update-project";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { removeProjectMember } from "@/lib/projects/remove-project-member";
import { updateProjectInput } from "@/lib/projects/project-settings-schemas";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { sessionUserId } from "@/lib/teams/session-user-id";
import { formText, runAction, type ActionState } from "../../../settings/run-action";

// The project's team decides the caller's role; an unknown project reads like another team's (404).
async function projectAccess(form: FormData) {
  const projectId = formText(form, "projectId");
  const { project, access } = await getProjectOrThrow({ caller: { kind: "user", userId: await sessionUserId() }, projectId, permission: "project.manage" });
  return { access, projectId: project.id };
}

export async function updateProjectAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    const input = updateProjectInput.parse({ name: formText(form, "name"), description: formText(form, "description").trim() || null });
    await updateProject({ access, projectId, input });
    revalidatePath(`/projects/${projectId}`, "layout");
    return { ok: true, message: "Saved." };
  });
}

export async function setProjectFlagsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    const flag = formText(form, "flag");
    const on = formText(form, "value") === "true";
    const input = updateProjectInput.parse(flag === "archived" ? { archived: on } : { restricted: on });
    await updateProject({ access, projectId, input });
    revalidatePath("/", "layout");
    return { ok: true };
  });
}

export async function addProjectMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    await addProjectMember({ access, projectId, userId: formText(form, "userId") });
    revalidatePath(`/projects/${projectId}/settings`);
    return { ok: true, message: "Added." };
  });
}

export async function removeProjectMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    await removeProjectMember({ access, projectId, userId: formText(form, "userId") });
    revalidatePath(`/projects/${projectId}/settings`);
    return { ok: true };
  });
}
