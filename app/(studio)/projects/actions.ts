"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { createProjectWithBudget } from "@/lib/projects/create-project-with-budget";
import { createProjectFormInput, renameProjectInput } from "@/lib/projects/project-form-schemas";
import { sessionProjectAccess } from "@/lib/projects/session-project-access";
import { updateProject } from "@/lib/projects/update-project";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";

// Thin: parse the form, check access the way the REST routes do, one lib call, revalidate what shows it.

export async function createProjectAction(_: ActionState<{ id: string }>, form: FormData): Promise<ActionResult<{ id: string }>> {
  const state = await runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "project.manage" });
    const input = createProjectFormInput.parse({
      name: formText(form, "name"),
      description: formText(form, "description"),
      monthlyBudgetUsd: formText(form, "monthlyBudgetUsd"),
    });
    const project = await createProjectWithBudget({ access, input });
    revalidatePath("/");
    return ok({ id: project.id }, `Created ${project.name}.`);
  });
  // Straight into the new project: its first step is a prompt.
  if (state.ok) redirect(`/projects/${state.data.id}`);
  return state;
}

export async function renameProjectAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "project.manage" });
    const { name } = renameProjectInput.parse({ name: formText(form, "name") });
    const updated = await updateProject({ access, projectId: project.id, input: { name } });
    revalidatePath("/", "layout");
    return ok(undefined, `Renamed to ${updated.name}.`);
  });
}

export async function setProjectArchivedAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "project.manage" });
    const archived = formText(form, "archived") === "true";
    const updated = await updateProject({ access, projectId: project.id, input: { archived } });
    revalidatePath("/", "layout");
    return ok(undefined, archived ? `${updated.name} archived.` : `${updated.name} restored.`);
  });
}
