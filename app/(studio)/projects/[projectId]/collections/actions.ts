"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { requireUserId } from "@/lib/auth/current-user";
import { sessionProjectAccess } from "@/lib/projects/session-project-access";
import { createCollection } from "@/lib/collections/create-collection";
import { createCollectionInput, updateCollectionInput } from "@/lib/collections/collection-schemas";
import { getCollectionOrThrow } from "@/lib/collections/get-collection-or-throw";
import { updateCollection } from "@/lib/collections/update-collection";
import { deleteCollection } from "@/lib/collections/delete-collection";
import { collectAssets } from "@/lib/collections/collect-assets";

// Thin: parse the form, check access the way the collection routes do, one lib call, revalidate.

const FILTER_FIELDS = ["q", "favourite", "approval", "model", "provider", "tag", "aspectRatio", "resolution", "sort"] as const;

async function sessionCollection(form: FormData) {
  const userId = await requireUserId();
  return getCollectionOrThrow({ caller: { kind: "user", userId }, collectionId: formText(form, "collectionId"), permission: "asset.edit" });
}

export async function createCollectionAction(_: ActionState<{ id: string }>, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const { access, project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "asset.edit" });
    // The smart collection's query: the gallery filters the form filled in (empty ones left out).
    const filter = Object.fromEntries(FILTER_FIELDS.map((f) => [f, formText(form, f)]).filter(([, v]) => v !== ""));
    const input = createCollectionInput.parse({
      name: formText(form, "name"),
      parentId: formText(form, "parentId") || null,
      ...(formText(form, "kind") === "smart" && { filter }),
    });
    const collection = await createCollection({ access, project, input });
    revalidatePath(`/projects/${project.id}/collections`);
    return ok({ id: collection.id }, `Created ${collection.name}.`);
  });
}

export async function renameCollectionAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { collection } = await sessionCollection(form);
    const input = updateCollectionInput.parse({ name: formText(form, "name") });
    const updated = await updateCollection({ collection, input });
    revalidatePath(`/projects/${collection.projectId}/collections`, "layout");
    return ok(undefined, `Renamed to ${updated.name}.`);
  });
}

export async function deleteCollectionAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  const state = await runAction(async () => {
    const { collection } = await sessionCollection(form);
    await deleteCollection({ collection });
    revalidatePath(`/projects/${collection.projectId}/collections`);
    return ok({ projectId: collection.projectId! }, `Deleted ${collection.name}.`);
  });
  if (state.ok) redirect(`/projects/${(state.data as { projectId: string }).projectId}/collections`);
  return state;
}

export async function removeFromCollectionAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { collection } = await sessionCollection(form);
    await collectAssets({ collection, add: [], remove: [formText(form, "assetId")] });
    revalidatePath(`/projects/${collection.projectId}/collections`, "layout");
    return ok(undefined, "Removed from the collection.");
  });
}

export async function addToCollectionAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { collection } = await sessionCollection(form);
    const assetIds = form.getAll("assetId").filter((v): v is string => typeof v === "string" && v !== "");
    const { assetCount } = await collectAssets({ collection, add: assetIds, remove: [] });
    revalidatePath(`/projects/${collection.projectId}/collections`, "layout");
    return ok(undefined, `Added to ${collection.name} (${assetCount} now).`);
  });
}
