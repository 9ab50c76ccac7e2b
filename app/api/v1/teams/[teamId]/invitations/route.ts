// GET /api/v1/teams/:teamId/invitations - pending invitations
// POST /api/v1/teams/:teamId/invitations - invite an email address with a role (emails a 7-day single-use link)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { inviteInput, toInvitationDto } from "@/lib/teams/team-schemas";

export const GET = withTeam("member.manage", async ({ access }) => {
  const invitations = await listInvitations({ teamId: access.teamId });
  return json({ data: invitations.map(toInvitationDto) });
});

export const POST = withTeam("member.manage", async ({ request, access }) => {
  const input = inviteInput.parse(await readJson(request));
  const { invitation, url, delivered } = await createInvitation({ access, input });
  // The link is returned only when no email could carry it (no SMTP configured), so the admin can pass it on.
  return json({ ...toInvitationDto(invitation), emailed: delivered, ...(delivered ? {} : { inviteUrl: url }) }, { status: 201 });
});
