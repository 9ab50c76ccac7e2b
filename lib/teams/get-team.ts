import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** The team an access was resolved for; resolving it is the check, so this only reads what the caller may see. */
export async function getTeam(options: { access: TeamAccess }) {
  return db.team.findUniqueOrThrow({ where: { id: options.access.teamId } });
}
