"use server";

import { revalidatePath } from "next/cache";
import { updateProject } from "@/lib/projects/update-project";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { removeProjectMember } from "@/lib/projects/remove-project-member";
import { updateProjectInput } from "@/lib/projects/project-settings-schemas";
import { sessionProjectAccess } from "@/lib/projects/session-project-access";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { setBudget } from "@/lib/spend/set-budget";
import { limitsForm } from "@/lib/spend/budget-form-schemas";

// Checked like the API's project routes: an unknown project, or one the caller may not see, is a 404.
async function projectAccess(form: FormData) {
  const { access, project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "project.manage" });
  return { access, projectId: project.id };
}

export async function updateProjectAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    const input = updateProjectInput.parse({ name: formText(form, "name"), description: formText(form, "description").trim() || null });
    await updateProject({ access, projectId, input });
    revalidatePath(`/projects/${projectId}`, "layout");
    return ok(undefined, "Saved.");
  });
}

export async function setProjectFlagsAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    const flag = formText(form, "flag");
    const on = formText(form, "value") === "true";
    const input = updateProjectInput.parse(flag === "archived" ? { archived: on } : { restricted: on });
    await updateProject({ access, projectId, input });
    revalidatePath("/", "layout");
    return ok();
  });
}

export async function addProjectMemberAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    await addProjectMember({ access, projectId, userId: formText(form, "userId") });
    revalidatePath(`/projects/${projectId}/settings`);
    return ok(undefined, "Added.");
  });
}

export async function removeProjectMemberAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, projectId } = await projectAccess(form);
    await removeProjectMember({ access, projectId, userId: formText(form, "userId") });
    revalidatePath(`/projects/${projectId}/settings`);
    return ok();
  });
}

export async function setProjectBudgetAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "budget.manage" });
    const limits = limitsForm.parse({ softUsd: formText(form, "softUsd"), hardUsd: formText(form, "hardUsd") });
    await setBudget({ access, projectId: project.id, input: { period: "monthly", softLimitMicros: limits.softUsd, hardLimitMicros: limits.hardUsd } });
    revalidatePath(`/projects/${project.id}`, "layout");
    return ok(undefined, "Budget saved.");
  });
}
