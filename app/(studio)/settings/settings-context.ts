import { cache } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { currentTeam } from "@/lib/teams/current-team";

/** The signed-in person, the team the studio shows and what their role there allows; shared by the settings pages. */
export const settingsContext = cache(async () => {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team, teams } = await currentTeam(user.id);
  return { user, team, teams, allows: (permission: Permission) => Boolean(team && can(team.role, permission)) };
});
