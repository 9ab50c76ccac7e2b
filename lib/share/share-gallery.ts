import { db } from "@/lib/db";
import type { ShareLink } from "@/lib/generated/prisma/client";
import type { Asset } from "@/lib/generated/prisma/client";
import { shareLinkAssetCount, shareLinkAssets } from "@/lib/share/share-link-assets";

export type ShareGalleryItem = {
  id: string;
  width: number;
  height: number;
  /** Only when the link shows prompts and recipes; otherwise nothing of the recipe leaves the server. */
  recipe: { prompt: string; model: string | null; aspectRatio: string | null; resolution: string | null } | null;
  approvalStatus: "none" | "pending" | "approved" | "rejected" | null;
  comments: { id: string; name: string; body: string; createdAt: string }[];
};

export type ShareGallery = {
  name: string;
  expiresAt: string | null;
  allowDownload: boolean;
  allowApprove: boolean;
  allowComment: boolean;
  /** How many images the whole link shows; `items` is its first page. */
  total: number;
} & ShareGalleryPage;

/** One page of a link's images and the cursor of the next (null on the last page). */
export type ShareGalleryPage = { items: ShareGalleryItem[]; nextCursor: string | null };

/**
 * What a link's visitor sees first: the link's settings, its size and the first page of images (the rest come from
 * shareGalleryPage as the client scrolls).
 */
export async function shareGallery(link: ShareLink): Promise<ShareGallery> {
  const [page, total] = await Promise.all([shareGalleryPage(link, null), shareLinkAssetCount(link)]);
  return {
    name: link.name,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    allowDownload: link.allowDownload,
    allowApprove: link.allowApprove,
    allowComment: link.allowComment,
    total,
    ...page,
  };
}

/**
 * One page of the link's images as its visitor sees them. Comments are only the ones made through this link (a client
 * never reads the team's internal discussion), the approval status only when the link takes approvals, and the
 * recipe only when it shows prompts. Fetching a page is not a view: only the share page itself records one.
 */
export async function shareGalleryPage(link: ShareLink, cursor: string | null): Promise<ShareGalleryPage> {
  const { assets, nextCursor } = await shareLinkAssets(link, { cursor });
  const comments = link.allowComment && assets.length
    ? await db.assetComment.findMany({
        where: { shareLinkId: link.id, assetId: { in: assets.map((a) => a.id) }, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 2000,
      })
    : [];
  return {
    nextCursor,
    items: assets.map((a: Asset) => ({
      id: a.id,
      width: a.width,
      height: a.height,
      recipe: link.showPrompts ? { prompt: a.prompt, model: a.model, aspectRatio: a.aspectRatio, resolution: a.resolution } : null,
      approvalStatus: link.allowApprove ? a.approvalStatus : null,
      comments: comments.filter((c) => c.assetId === a.id).map((c) => ({ id: c.id, name: c.guestName ?? "Studio", body: c.body, createdAt: c.createdAt.toISOString() })),
    })),
  };
}
