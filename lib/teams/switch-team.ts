import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CURRENT_TEAM_COOKIE } from "@/lib/teams/current-team";

/**
 * Remembers which team the studio shows. The cookie is only a preference: every request still checks membership,
 * and currentTeam() ignores a cookie naming a team the person no longer belongs to.
 */
export async function switchTeam(options: { userId: string; teamId: string }) {
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { teamId: true },
  });
  if (!membership) throw new AppError("not_found", "Team not found.");
  (await cookies()).set(CURRENT_TEAM_COOKIE, membership.teamId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}
