import type { ShareLink } from "@/lib/generated/prisma/client";
import { imageKey, type ImageSize } from "@/lib/assets/asset-urls";
import { presignWindowed } from "@/lib/assets/presign-windowed";
import { shareLinkAsset } from "@/lib/share/share-link-assets";
import { shareNotFound } from "@/lib/share/find-share-link";

/** The current window's presigned URL of an image of the link's set (lib/assets/presign-windowed.ts). */
export async function shareImageUrl(options: { link: ShareLink; assetId: string; size: ImageSize }): Promise<string> {
  const asset = await shareLinkAsset(options.link, options.assetId);
  if (!asset) throw shareNotFound();
  return presignWindowed(imageKey(asset, options.size));
}
