"use server";

import { revalidatePath } from "next/cache";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { sessionProjectAccess } from "@/lib/projects/session-project-access";
import { createShareLinkInput } from "@/lib/share/share-link-schemas";
import { createShareLink } from "@/lib/share/create-share-link";
import { revokeShareLink } from "@/lib/share/revoke-share-link";

// Thin: parse the form, check project access (editors share work), one lib call, revalidate the links page.

export async function createShareLinkAction(_: ActionState<{ url: string }>, form: FormData): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const { access, project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "asset.edit" });
    const collectionId = formText(form, "collectionId");
    const assetIds = form.getAll("assetId").filter((v): v is string => typeof v === "string" && v !== "");
    const input = createShareLinkInput.parse({
      name: formText(form, "name"),
      expiresInDays: formText(form, "expiresInDays"),
      password: formText(form, "password") || undefined,
      allowDownload: form.get("allowDownload") === "on",
      showPrompts: form.get("showPrompts") === "on",
      allowApprove: form.get("allowApprove") === "on",
      allowComment: form.get("allowComment") === "on",
      ...(collectionId ? { collectionId } : { assetIds }),
    });
    const { url } = await createShareLink({ access, project, input });
    revalidatePath(`/projects/${project.id}/share-links`);
    return ok({ url }, "Link created.");
  });
}

export async function revokeShareLinkAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { project } = await sessionProjectAccess({ projectId: formText(form, "projectId"), permission: "asset.edit" });
    await revokeShareLink({ projectId: project.id, shareLinkId: formText(form, "shareLinkId") });
    revalidatePath(`/projects/${project.id}/share-links`);
    return ok(undefined, "Link revoked. It stops working now.");
  });
}
