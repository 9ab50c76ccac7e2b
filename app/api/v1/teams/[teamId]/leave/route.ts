// POST /api/v1/teams/:teamId/leave - the signed-in member leaves the team (any role; never the last owner)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { leaveTeam } from "@/lib/teams/leave-team";

// "project.read" is every role: leaving needs membership, not a power.
export const POST = withTeam("project.read", async ({ access }) => {
  const result = await leaveTeam({ access });
  return json({ ok: true, revokedKeys: result.revokedKeys });
});
