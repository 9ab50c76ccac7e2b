import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Asset } from "@/lib/generated/prisma/client";
import type { ApprovalStatus } from "@/lib/generated/prisma/enums";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

// Draft ("none") and in review ("pending") are the maker's to set: anyone who may edit an asset can send it for
// review or take it back. A decision (approved, rejected) — and undoing one — belongs to the roles that may approve
// ("asset.approve" in lib/auth/permissions.ts), so an editor can't approve their own work or quietly reopen a rejection.
const DECISIONS: readonly ApprovalStatus[] = ["approved", "rejected"];

export function isDecision(status: ApprovalStatus): boolean {
  return DECISIONS.includes(status);
}

export function assertMayReview(options: { access: TeamAccess; assets: Pick<Asset, "approvalStatus">[]; to: ApprovalStatus }) {
  const { access, assets, to } = options;
  if (can(access.role, "asset.approve")) return;
  if (isDecision(to)) throw new AppError("forbidden", "Only owners and admins can approve or reject images.");
  if (assets.some((a) => isDecision(a.approvalStatus) && a.approvalStatus !== to)) {
    throw new AppError("forbidden", "Only owners and admins can reopen an approved or rejected image.");
  }
}
