import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ShareLink } from "@/lib/generated/prisma/client";
import { downloadName } from "@/lib/assets/asset-urls";
import { presignWindowed } from "@/lib/assets/presign-windowed";
import { shareLinkAsset } from "@/lib/share/share-link-assets";
import { shareNotFound } from "@/lib/share/find-share-link";

/** Counts one download of an image of the link and answers where to get the file; refused when downloads are off. */
export async function shareDownloadUrl(options: { link: ShareLink; assetId: string }): Promise<string> {
  const { link, assetId } = options;
  const asset = await shareLinkAsset(link, assetId);
  if (!asset) throw shareNotFound();
  if (!link.allowDownload) throw new AppError("forbidden", "Downloads are turned off for this link.");
  await db.shareLink.update({ where: { id: link.id }, data: { downloadCount: { increment: 1 } } });
  return presignWindowed(asset.storageKey, { downloadName: downloadName(asset) });
}
