import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { z } from "zod";
import type { createTeamInput } from "@/lib/teams/team-schemas";

/** A new team with the signed-in person as its owner. */
export async function createTeam(options: { userId: string; input: z.infer<typeof createTeamInput> }) {
  const { userId, input } = options;
  // The random suffix keeps slugs unique without a read-then-write race between two teams of the same name.
  const base = input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "team";
  const slug = `${base}-${randomBytes(3).toString("hex")}`;
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({
      data: {
        id: createId("team"),
        name: input.name,
        slug,
        memberships: { create: { id: createId("membership"), userId, role: "owner" } },
      },
    });
    await recordAuditEvent({ tx, action: "team.created", teamId: team.id, actorUserId: userId, targetType: "team", targetId: team.id, metadata: { name: team.name } });
    return team;
  });
}
