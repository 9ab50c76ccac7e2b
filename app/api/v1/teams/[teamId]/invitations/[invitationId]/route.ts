// DELETE /api/v1/teams/:teamId/invitations/:invitationId - revoke a pending invitation
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";

export const DELETE = withTeam("member.manage", async ({ params, access }) => {
  await revokeInvitation({ access, invitationId: params.invitationId ?? "" });
  return json({ ok: true });
});
