"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { AppError } from "@/lib/errors";
import { createElement } from "@/lib/elements/create-element";
import { updateElement } from "@/lib/elements/update-element";
import { archiveElement } from "@/lib/elements/archive-element";
import { createElementInput, updateElementInput } from "@/lib/elements/element-schemas";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";

// Thin: parse the form, check access the way the REST routes do, one lib call, revalidate what shows it. The images
// arrive as JSON in hidden fields (`{ uploadKey }` from the upload route, or `{ assetId }`), checked again in lib.

function jsonField(form: FormData, name: string): unknown {
  const text = formText(form, name);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("validation_failed", "Some fields need attention.", { fields: { [name]: "Choose the image again." } });
  }
}

export async function createElementAction(_: ActionState<{ id: string }>, form: FormData): Promise<ActionResult<{ id: string }>> {
  const state = await runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "element.manage" });
    const input = createElementInput.parse({
      name: formText(form, "name"),
      description: formText(form, "description"),
      kind: formText(form, "kind"),
      frontal: jsonField(form, "frontal") ?? null,
      references: jsonField(form, "references") ?? [],
    });
    const element = await createElement({ access, input });
    revalidatePath("/elements");
    return ok({ id: element.id }, `Created ${element.name}.`);
  });
  // Straight to the new element, from the server: the dialog that asked may be gone once the library re-renders
  // (the first element replaces the empty state that held it), so a client-side navigation could be lost.
  if (state.ok) redirect(`/elements/${state.data.id}`);
  return state;
}

export async function updateElementAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "element.manage" });
    const input = updateElementInput.parse({
      name: formText(form, "name"),
      description: formText(form, "description"),
      kind: formText(form, "kind") || undefined,
      frontal: jsonField(form, "frontal"),
      references: jsonField(form, "references"),
    });
    const element = await updateElement({ access, elementId: formText(form, "elementId"), input });
    revalidatePath("/elements");
    revalidatePath(`/elements/${element.id}`);
    return ok(undefined, `Saved as version ${element.currentVersion}.`);
  });
}

export async function archiveElementAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "element.manage" });
    const archived = formText(form, "archived") !== "false";
    const element = await archiveElement({ access, elementId: formText(form, "elementId"), archived });
    revalidatePath("/elements");
    revalidatePath(`/elements/${element.id}`);
    return ok(undefined, archived ? `Archived ${element.name}.` : `Restored ${element.name}.`);
  });
}
