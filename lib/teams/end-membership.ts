import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockTeamOwners } from "@/lib/teams/lock-team-owners";

/**
 * Ends one person's membership: the row goes (so their next request is refused: access is checked per request),
 * with their named access to the team's restricted projects and the API keys they created for the team, which
 * would otherwise keep acting for someone who is no longer here. The last owner can never be removed.
 */
export async function endMembership(tx: Tx, options: { teamId: string; userId: string }) {
  const { teamId, userId } = options;
  const owners = await lockTeamOwners(tx, teamId);
  const membership = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!membership) throw new AppError("not_found", "That person is not a member of this team.");
  if (membership.role === "owner" && owners.length <= 1) {
    throw new AppError("conflict", "A team needs an owner. Make someone else an owner first.");
  }
  await tx.membership.delete({ where: { id: membership.id } });
  await tx.projectMember.deleteMany({ where: { userId, project: { teamId } } });
  const revoked = await tx.apiKey.updateMany({
    where: { teamId, createdById: userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return { role: membership.role, revokedKeys: revoked.count };
}
