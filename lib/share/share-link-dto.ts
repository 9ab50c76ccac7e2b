import type { ShareLink } from "@/lib/generated/prisma/client";
import { decryptSecret } from "@/lib/credentials/encryption";
import { shareUrl } from "@/lib/share/share-token";
import type { ShareLinkDto } from "@/lib/share/share-link-schemas";

type Row = ShareLink & { collection: { name: string } | null; _count: { assets: number } };

export function toShareLinkDto(link: Row, now = new Date()): ShareLinkDto {
  const status = link.revokedAt ? "revoked" : link.expiresAt && link.expiresAt <= now ? "expired" : "active";
  return {
    id: link.id,
    name: link.name,
    url: shareUrl(decryptSecret({ encrypted: link.tokenEncrypted, keyVersion: link.keyVersion })),
    scope: link.collectionId
      ? { kind: "collection", collectionId: link.collectionId, collectionName: link.collection?.name ?? "" }
      : { kind: "selection", assetCount: link._count.assets },
    passwordProtected: link.passwordHash !== null,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    allowDownload: link.allowDownload,
    showPrompts: link.showPrompts,
    allowApprove: link.allowApprove,
    allowComment: link.allowComment,
    viewCount: link.viewCount,
    downloadCount: link.downloadCount,
    lastViewedAt: link.lastViewedAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
    status,
  };
}
