import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endMembership } from "@/lib/teams/end-membership";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** The caller leaves the team. An API key can't leave: it belongs to the team, not to a person. */
export async function leaveTeam(options: { access: TeamAccess }) {
  const { access } = options;
  if (access.caller.kind !== "user") throw new AppError("forbidden", "Only a signed-in member can leave a team.");
  const userId = access.caller.userId;
  return db.$transaction(async (tx) => {
    const ended = await endMembership(tx, { teamId: access.teamId, userId });
    await recordAuditEvent({ tx, action: "member.left", teamId: access.teamId, actorUserId: userId, targetType: "user", targetId: userId, metadata: ended });
    return ended;
  });
}
