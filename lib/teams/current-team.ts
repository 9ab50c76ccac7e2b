import { cookies } from "next/headers";
import { listUserTeams } from "@/lib/teams/list-user-teams";

export const CURRENT_TEAM_COOKIE = "studio-team";

/** The team the studio shows: the one chosen in the switcher if the user still belongs to it, else their first. */
export async function currentTeam(userId: string) {
  const teams = await listUserTeams({ userId });
  const chosen = (await cookies()).get(CURRENT_TEAM_COOKIE)?.value;
  const team = teams.find((t) => t.id === chosen) ?? teams[0] ?? null;
  return { team, teams };
}
