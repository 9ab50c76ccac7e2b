// GET /api/v1/me - the signed-in person and their teams
import { db } from "@/lib/db";
import { json } from "@/lib/http/respond";
import { withSession } from "@/lib/http/with-session";
import { listUserTeams } from "@/lib/teams/list-user-teams";

export const GET = withSession(async ({ userId }) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return json({ user, teams: await listUserTeams({ userId }) });
});
