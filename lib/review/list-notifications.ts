import { db } from "@/lib/db";
import type { NotificationDto } from "@/lib/review/comment-schemas";

/**
 * The signed-in member's notifications in one team, newest first, with how many are unread. Someone who has left the
 * team sees none of its notifications (they point at images they can no longer open).
 */
export async function listNotifications(options: { userId: string; teamId: string; limit?: number }) {
  const member = await db.membership.findUnique({ where: { teamId_userId: { teamId: options.teamId, userId: options.userId } }, select: { id: true } });
  if (!member) return { data: [] as NotificationDto[], unread: 0 };
  const where = { userId: options.userId, teamId: options.teamId };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit ?? 50 }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  const data: NotificationDto[] = rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    href: n.href,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  }));
  return { data, unread };
}
