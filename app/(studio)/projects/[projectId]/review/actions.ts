"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { updateAssets } from "@/lib/assets/update-assets";
import { addComment } from "@/lib/review/add-comment";
import { addCommentInput } from "@/lib/review/comment-schemas";
import { deleteComment } from "@/lib/review/delete-comment";
import { sessionAssetAccess } from "@/lib/review/session-asset-access";

// Thin: parse the form, check access the way the asset routes do, one lib call, revalidate the review page.

const STATUS = z.enum(["none", "pending", "approved", "rejected"]);
const LABEL = { none: "Moved back to draft.", pending: "Sent for review.", approved: "Approved.", rejected: "Rejected." } as const;

export async function setApprovalAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, asset } = await sessionAssetAccess({ assetId: formText(form, "assetId"), permission: "asset.edit" });
    const status = STATUS.parse(formText(form, "status"));
    await updateAssets({ access, assets: [asset], input: { approvalStatus: status } });
    revalidatePath(`/projects/${asset.projectId}/review`);
    return ok(undefined, LABEL[status]);
  });
}

export async function addCommentAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, asset } = await sessionAssetAccess({ assetId: formText(form, "assetId"), permission: "comment.create" });
    const parentId = formText(form, "parentId");
    const input = addCommentInput.parse({ body: formText(form, "body"), ...(parentId && { parentId }) });
    const comment = await addComment({ access, asset, input });
    revalidatePath(`/projects/${asset.projectId}/review`);
    return ok(undefined, comment.mentions.length ? `Comment added; ${comment.mentions.map((m) => m.email).join(", ")} notified.` : "Comment added.");
  });
}

export async function deleteCommentAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const { access, asset } = await sessionAssetAccess({ assetId: formText(form, "assetId"), permission: "comment.create" });
    await deleteComment({ access, asset, commentId: formText(form, "commentId") });
    revalidatePath(`/projects/${asset.projectId}/review`);
    return ok(undefined, "Comment deleted.");
  });
}
