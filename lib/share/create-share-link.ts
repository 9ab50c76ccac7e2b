import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/credentials/encryption";
import { createId } from "@/lib/ids";
import type { Project } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { newShareToken, shareUrl } from "@/lib/share/share-token";
import type { CreateShareLinkInput } from "@/lib/share/share-link-schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new link for a collection of the project or a selection of its images. The caller's project access was checked
 * (asset.edit); a link that lets clients approve hands them the approve permission, so only someone who holds it may
 * make one. Every id must be of this project: anything else is the same 404 as a missing id.
 */
export async function createShareLink(options: { access: TeamAccess; project: Project; input: CreateShareLinkInput; now?: Date }) {
  const { access, project, input } = options;
  const now = options.now ?? new Date();
  if (input.allowApprove && !can(access.role, "asset.approve")) {
    throw new AppError("forbidden", "Only owners and admins may let a client approve images.", { fields: { allowApprove: "Only owners and admins may allow this." } });
  }
  let assetIds: string[] = [];
  if (input.collectionId) {
    const collection = await db.collection.findUnique({ where: { id: input.collectionId }, select: { projectId: true } });
    if (!collection || collection.projectId !== project.id) throw new AppError("not_found", "Collection not found.");
  } else {
    assetIds = [...new Set(input.assetIds ?? [])];
    const found = await db.asset.count({ where: { id: { in: assetIds }, projectId: project.id, deletedAt: null } });
    if (found !== assetIds.length) throw new AppError("not_found", assetIds.length === 1 ? "Asset not found." : "One or more assets were not found.");
  }
  const { token, tokenHash } = newShareToken();
  const { encrypted, keyVersion } = encryptSecret(token);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const link = await db.shareLink.create({
    data: {
      id: createId("shareLink"),
      teamId: project.teamId,
      projectId: project.id,
      collectionId: input.collectionId ?? null,
      name: input.name,
      tokenHash,
      tokenEncrypted: encrypted,
      keyVersion,
      passwordHash,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      allowDownload: input.allowDownload,
      showPrompts: input.showPrompts,
      allowApprove: input.allowApprove,
      allowComment: input.allowComment,
      createdById: access.actorUserId,
      assets: { create: assetIds.map((assetId, position) => ({ assetId, position })) },
    },
  });
  return { link, token, url: shareUrl(token) };
}
