import { db } from "@/lib/db";

/** The provider a team's generations use when they name none (null: the studio chooses). */
export async function getTeamDefaultProvider(options: { teamId: string }) {
  const team = await db.team.findUniqueOrThrow({ where: { id: options.teamId }, select: { defaultProvider: true } });
  return team.defaultProvider;
}
