import { db } from "@/lib/db";
import type { CommentDto } from "@/lib/review/comment-schemas";
import { toCommentDto } from "@/lib/review/comment-dto";

/**
 * Comments of one image (or of several, for a page of them, in one query), oldest first; replies carry their
 * parent's id (clients nest them under it).
 */
export async function listComments(options: { assetId: string } | { assetIds: string[] }): Promise<CommentDto[]> {
  const assetIds = "assetId" in options ? [options.assetId] : options.assetIds;
  if (assetIds.length === 0) return [];
  const rows = await db.assetComment.findMany({
    where: { assetId: { in: assetIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { id: true, name: true, email: true } } },
    take: 1000 * assetIds.length,
  });
  const ids = [...new Set(rows.flatMap((r) => r.mentionedUserIds))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => toCommentDto(r, emails));
}
