import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { capScope, type SetSpendCapInput } from "@/lib/spend/spend-cap-schemas";
import { teamSpendLockKey } from "@/lib/spend/check-budgets";

/**
 * Sets the team's monthly limit or a member's monthly cap (team-wide or in one project). The member and project named
 * in the body must belong to the caller's team: ids in bodies are checked like ids in paths.
 */
export async function setSpendCap(options: { access: TeamAccess; input: SetSpendCapInput }) {
  const { access, input } = options;
  const teamId = access.teamId;
  const [member, project] = await Promise.all([
    input.userId ? db.membership.findUnique({ where: { teamId_userId: { teamId, userId: input.userId } } }) : null,
    input.projectId ? db.project.findFirst({ where: { id: input.projectId, teamId } }) : null,
  ]);
  if (input.userId && !member) throw new AppError("validation_failed", "Some fields are invalid.", { fields: { userId: "Not a member of this team." } });
  if (input.projectId && !project) throw new AppError("validation_failed", "Some fields are invalid.", { fields: { projectId: "No such project in this team." } });
  const scope = capScope(input);
  const limits = { softLimitMicros: input.softLimitMicros === null ? null : BigInt(input.softLimitMicros), hardLimitMicros: BigInt(input.hardLimitMicros) };
  return db.$transaction(async (tx) => {
    // Same lock as a capped team's reservations, so a change never interleaves with a reservation's check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${teamSpendLockKey(teamId)}))`;
    const before = await tx.spendCap.findUnique({ where: { teamId_scope: { teamId, scope } } });
    const cap = await tx.spendCap.upsert({
      where: { teamId_scope: { teamId, scope } },
      create: { id: createId("spendCap"), teamId, scope, userId: input.userId, projectId: input.projectId, ...limits },
      update: limits,
    });
    await recordAuditEvent({
      tx,
      action: "spend_cap.changed",
      teamId,
      actorUserId: access.caller.kind === "user" ? access.caller.userId : null,
      actorKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
      targetType: input.userId ? "user" : "team",
      targetId: input.userId ?? teamId,
      metadata: { scope, projectId: input.projectId, before: before?.hardLimitMicros.toString() ?? null, after: input.hardLimitMicros },
    });
    return cap;
  });
}
