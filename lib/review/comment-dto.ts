import type { AssetComment } from "@/lib/generated/prisma/client";
import type { CommentDto } from "@/lib/review/comment-schemas";

type WithAuthor = AssetComment & { author: { id: string; name: string | null; email: string } | null };

/** A comment as clients see it; a deleted one keeps its place in the thread with no body and no mentions. */
export function toCommentDto(comment: WithAuthor, emails: Map<string, string>): CommentDto {
  const deleted = comment.deletedAt !== null;
  return {
    id: comment.id,
    assetId: comment.assetId,
    parentId: comment.parentId,
    author: comment.author,
    guestName: comment.guestName,
    body: deleted ? "" : comment.body,
    mentions: deleted ? [] : comment.mentionedUserIds.flatMap((id) => (emails.has(id) ? [{ id, email: emails.get(id)! }] : [])),
    createdAt: comment.createdAt.toISOString(),
    deleted,
  };
}
