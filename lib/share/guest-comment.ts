import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ShareLink } from "@/lib/generated/prisma/client";
import { createId } from "@/lib/ids";
import { shareLinkAsset } from "@/lib/share/share-link-assets";
import { shareNotFound } from "@/lib/share/find-share-link";

/** A client's comment on an image of a link that allows comments: no account, so it carries the name they typed. */
export async function addGuestComment(options: { link: ShareLink; assetId: string; name: string; body: string }) {
  const { link, assetId, name, body } = options;
  const asset = await shareLinkAsset(link, assetId);
  if (!asset) throw shareNotFound();
  if (!link.allowComment) throw new AppError("forbidden", "This link doesn't take comments.");
  const comment = await db.assetComment.create({
    data: { id: createId("comment"), teamId: asset.teamId, projectId: asset.projectId, assetId: asset.id, guestName: name, shareLinkId: link.id, body },
  });
  // The studio's review page reads comments fresh; bumping updatedAt tells open galleries (projectChangedSince).
  await db.asset.update({ where: { id: asset.id }, data: { updatedAt: new Date() } });
  return { id: comment.id, name, body, createdAt: comment.createdAt.toISOString() };
}
