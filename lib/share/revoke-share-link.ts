import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Ends a link of the project for good (a revoked link reads like a missing one). Another project's id is a 404. */
export async function revokeShareLink(options: { projectId: string; shareLinkId: string; now?: Date }) {
  const { count } = await db.shareLink.updateMany({
    where: { id: options.shareLinkId, projectId: options.projectId },
    data: { revokedAt: options.now ?? new Date() },
  });
  if (count === 0) throw new AppError("not_found", "Share link not found.");
}
