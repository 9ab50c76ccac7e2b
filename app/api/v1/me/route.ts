// GET /api/v1/me - the signed-in person and their teams
import { getUserProfile } from "@/lib/auth/get-user-profile";
import { json } from "@/lib/http/respond";
import { withSession } from "@/lib/http/with-session";
import { listUserTeams } from "@/lib/teams/list-user-teams";

export const GET = withSession(async ({ userId }) => {
  const user = await getUserProfile({ userId });
  return json({ user, teams: await listUserTeams({ userId }) });
});
