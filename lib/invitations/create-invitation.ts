import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { sendEmail } from "@/lib/email/send-email";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { actorOf } from "@/lib/audit/record-audit-event";
import { INVITATION_TTL_MS, newInvitationToken } from "@/lib/invitations/invitation-token";
import type { z } from "zod";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { inviteInput } from "@/lib/teams/team-schemas";

/**
 * Invites an email address with a role and mails a single-use link valid for 7 days. Inviting the same address
 * again replaces the pending invitation (the old link stops working), which is what "resend" means.
 */
export async function createInvitation(options: { access: TeamAccess; input: z.infer<typeof inviteInput> }) {
  const { access, input } = options;
  if (input.role === "owner" && access.role !== "owner") {
    throw new AppError("forbidden", "Only an owner can invite another owner.", { fields: { role: "Only an owner can invite an owner." } });
  }
  const { token, tokenHash } = newInvitationToken();
  const { invitation, teamName } = await db.$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({ where: { teamId: access.teamId, user: { email: input.email } } });
    if (existing) throw new AppError("conflict", "That person is already a member.", { fields: { email: "Already a member of this team." } });
    const now = new Date();
    await tx.invitation.updateMany({ where: { teamId: access.teamId, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const invitation = await tx.invitation.create({
      data: { id: createId("invitation"), teamId: access.teamId, email: input.email, role: input.role, tokenHash, invitedById: access.actorUserId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    await recordAuditEvent({ tx, action: "member.invited", teamId: access.teamId, ...actorOf(access), targetType: "invitation", targetId: invitation.id, metadata: { email: input.email, role: input.role } });
    const team = await tx.team.findUniqueOrThrow({ where: { id: access.teamId }, select: { name: true } });
    return { invitation, teamName: team.name };
  });
  const url = `${env().APP_URL.replace(/\/+$/, "")}/invite/${token}`;
  const { delivered } = await sendEmail({
    to: input.email,
    subject: `You're invited to ${teamName} on Asset Studio`,
    text: `You've been invited to join ${teamName} on Asset Studio as ${input.role}.\n\nAccept the invitation: ${url}\n\nThe link works once and expires in 7 days.`,
  });
  // Without SMTP the link is only in the server log; the inviting admin may see it to pass it on themselves.
  return { invitation, url, delivered };
}
