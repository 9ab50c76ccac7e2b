import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Asset } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/**
 * Deletes a comment: its author may, and so may those who manage the project (moderation). The row stays with its
 * body blanked, so replies keep their thread and the history shows that something was said and removed.
 */
export async function deleteComment(options: { access: TeamAccess; asset: Asset; commentId: string }) {
  const { access, asset, commentId } = options;
  const comment = await db.assetComment.findUnique({ where: { id: commentId } });
  if (!comment || comment.assetId !== asset.id) throw new AppError("not_found", "Comment not found.");
  const mine = access.actorUserId !== null && comment.authorId === access.actorUserId;
  if (!mine && !can(access.role, "project.manage")) throw new AppError("forbidden", "Only its author or a project manager can delete a comment.");
  if (comment.deletedAt) return { id: comment.id, deleted: true };
  await db.assetComment.update({ where: { id: comment.id }, data: { deletedAt: new Date(), body: "", mentionedUserIds: [] } });
  return { id: comment.id, deleted: true };
}
