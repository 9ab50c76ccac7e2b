import { db } from "@/lib/db";

/** How many of the member's notifications in a team are unread: the header's badge, read on every studio page. */
export async function countUnreadNotifications(options: { userId: string; teamId: string }): Promise<number> {
  return db.notification.count({ where: { userId: options.userId, teamId: options.teamId, readAt: null } });
}
