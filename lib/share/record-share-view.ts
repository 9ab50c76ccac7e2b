import { db } from "@/lib/db";

/** One more view of the link (each time its gallery is opened). */
export async function recordShareView(options: { shareLinkId: string; now?: Date }) {
  await db.shareLink.update({ where: { id: options.shareLinkId }, data: { viewCount: { increment: 1 }, lastViewedAt: options.now ?? new Date() } });
}
