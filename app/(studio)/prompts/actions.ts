"use server";

import { revalidatePath } from "next/cache";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { savePrompt } from "@/lib/prompts/save-prompt";
import { deletePrompt } from "@/lib/prompts/delete-prompt";
import { savePromptInput } from "@/lib/prompts/prompt-schemas";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";

// Thin: parse the form, check access the way the REST routes do, one lib call, revalidate what shows it.

export async function savePromptAction(_: ActionState<{ id: string }>, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "generation.create" });
    const parameters: Record<string, unknown> = {};
    for (const key of ["aspect_ratio", "resolution"]) if (formText(form, key)) parameters[key] = formText(form, key);
    const input = savePromptInput.parse({
      name: formText(form, "name"),
      text: formText(form, "text"),
      negativePrompt: formText(form, "negativePrompt"),
      model: formText(form, "model") || null,
      parameters,
      projectId: formText(form, "projectId") || null,
    });
    const prompt = await savePrompt({ access, input });
    revalidatePath("/prompts");
    return ok({ id: prompt.id }, `Saved "${prompt.name}".`);
  });
}

export async function deletePromptAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "generation.create" });
    const prompt = await deletePrompt({ access, promptId: formText(form, "promptId") });
    revalidatePath("/prompts");
    return ok(undefined, `Deleted "${prompt.name}".`);
  });
}
