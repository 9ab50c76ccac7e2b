import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import type { z } from "zod";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { renameTeamInput } from "@/lib/teams/team-schemas";

export async function renameTeam(options: { access: TeamAccess; input: z.infer<typeof renameTeamInput> }) {
  const { access, input } = options;
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: access.teamId }, select: { name: true } });
    const team = await tx.team.update({ where: { id: access.teamId }, data: { name: input.name } });
    await recordAuditEvent({ tx, action: "team.renamed", teamId: team.id, ...actorOf(access), targetType: "team", targetId: team.id, metadata: { from: before.name, to: team.name } });
    return team;
  });
}
