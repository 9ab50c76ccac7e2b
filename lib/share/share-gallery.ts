import { db } from "@/lib/db";
import type { ShareLink } from "@/lib/generated/prisma/client";
import { shareLinkAssets } from "@/lib/share/share-link-assets";

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
  items: ShareGalleryItem[];
};

/**
 * What a link's visitor sees. Comments are only the ones made through this link (a client never reads the team's
 * internal discussion), and the approval status only when the link takes approvals.
 */
export async function shareGallery(link: ShareLink): Promise<ShareGallery> {
  const assets = await shareLinkAssets(link);
  const comments = link.allowComment
    ? await db.assetComment.findMany({
        where: { shareLinkId: link.id, assetId: { in: assets.map((a) => a.id) }, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 2000,
      })
    : [];
  return {
    name: link.name,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    allowDownload: link.allowDownload,
    allowApprove: link.allowApprove,
    allowComment: link.allowComment,
    items: assets.map((a) => ({
      id: a.id,
      width: a.width,
      height: a.height,
      recipe: link.showPrompts ? { prompt: a.prompt, model: a.model, aspectRatio: a.aspectRatio, resolution: a.resolution } : null,
      approvalStatus: link.allowApprove ? a.approvalStatus : null,
      comments: comments.filter((c) => c.assetId === a.id).map((c) => ({ id: c.id, name: c.guestName ?? "Studio", body: c.body, createdAt: c.createdAt.toISOString() })),
    })),
  };
}
