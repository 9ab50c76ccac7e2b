import { db } from "@/lib/db";

/** Marks the member's own notifications read: the ids given, or all of the team's when none are. Others' stay as they are. */
export async function markNotificationsRead(options: { userId: string; teamId: string; ids?: string[] }) {
  const { count } = await db.notification.updateMany({
    where: { userId: options.userId, teamId: options.teamId, readAt: null, ...(options.ids && { id: { in: options.ids } }) },
    data: { readAt: new Date() },
  });
  return { updated: count };
}
