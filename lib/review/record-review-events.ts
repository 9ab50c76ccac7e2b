import type { Tx } from "@/lib/db";
import type { Asset } from "@/lib/generated/prisma/client";
import type { ApprovalStatus } from "@/lib/generated/prisma/enums";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { actorOf } from "@/lib/audit/record-audit-event";
import { createId } from "@/lib/ids";

/** One history row per asset whose approval status changed, in the caller's transaction (updateAssets). */
export async function recordReviewEvents(options: {
  tx: Tx;
  access: TeamAccess;
  changes: { asset: Pick<Asset, "id" | "teamId" | "projectId">; from: ApprovalStatus }[];
  to: ApprovalStatus;
}) {
  const { tx, access, changes, to } = options;
  if (changes.length === 0) return;
  const { actorUserId, actorKeyId } = actorOf(access);
  await tx.assetReviewEvent.createMany({
    data: changes.map(({ asset, from }) => ({
      id: createId("reviewEvent"),
      teamId: asset.teamId,
      projectId: asset.projectId,
      assetId: asset.id,
      actorUserId,
      actorApiKeyId: actorKeyId,
      fromStatus: from,
      toStatus: to,
    })),
  });
}
