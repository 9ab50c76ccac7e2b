import { cache } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { currentTeam } from "@/lib/teams/current-team";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** The signed-in person's access to the team the studio shows, for the element pages; null without a team. */
export const elementsContext = cache(async () => {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team } = await currentTeam(user.id);
  if (!team) return null;
  const access: TeamAccess = { teamId: team.id, role: team.role, caller: { kind: "user", userId: user.id }, actorUserId: user.id };
  return { team, access, canManage: can(team.role, "element.manage") };
});
