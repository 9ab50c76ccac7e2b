import { db } from "@/lib/db";
import type { ReviewEventDto } from "@/lib/review/comment-schemas";

/** Who changed an image's approval status, from what to what, and when; newest first. */
export async function listReviewHistory(options: { assetId: string }): Promise<ReviewEventDto[]> {
  const events = await db.assetReviewEvent.findMany({ where: { assetId: options.assetId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  const ids = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return events.map((e) => ({
    id: e.id,
    from: e.fromStatus,
    to: e.toStatus,
    actor: e.actorUserId ? (byId.get(e.actorUserId) ?? null) : null,
    guestName: e.guestName,
    viaApiKey: e.actorApiKeyId !== null,
    at: e.createdAt.toISOString(),
  }));
}
