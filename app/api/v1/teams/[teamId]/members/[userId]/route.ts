// PATCH /api/v1/teams/:teamId/members/:userId - change a member's role
// DELETE /api/v1/teams/:teamId/members/:userId - remove a member (their access ends at their next request)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { changeMemberRole } from "@/lib/teams/change-member-role";
import { removeMember } from "@/lib/teams/remove-member";
import { roleInput } from "@/lib/teams/team-schemas";

export const PATCH = withTeam("member.manage", async ({ request, params, access }) => {
  const { role } = roleInput.parse(await readJson(request));
  const membership = await changeMemberRole({ access, userId: params.userId ?? "", role });
  return json({ userId: membership.userId, role: membership.role });
});

export const DELETE = withTeam("member.manage", async ({ params, access }) => {
  const result = await removeMember({ access, userId: params.userId ?? "" });
  return json({ ok: true, revokedKeys: result.revokedKeys });
});
