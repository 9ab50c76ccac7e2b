"use server";

import { revalidatePath } from "next/cache";
import { createInvitation } from "@/lib/teams/create-invitation";
import { revokeInvitation } from "@/lib/teams/revoke-invitation";
import { changeMemberRole } from "@/lib/teams/change-member-role";
import { removeMember } from "@/lib/teams/remove-member";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { inviteInput, roleInput } from "@/lib/teams/team-schemas";
import { formText, runAction, type ActionState } from "../run-action";

export async function inviteMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    const input = inviteInput.parse({ email: formText(form, "email").trim(), role: formText(form, "role") });
    const { delivered, url } = await createInvitation({ access, input });
    revalidatePath("/settings/members");
    return delivered
      ? { ok: true, message: `Invitation emailed to ${input.email}.` }
      : { ok: true, message: `Invitation created for ${input.email}. No email server is configured, so send them this link:`, data: { inviteUrl: url } };
  });
}

export async function revokeInvitationAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    await revokeInvitation({ access, invitationId: formText(form, "invitationId") });
    revalidatePath("/settings/members");
    return { ok: true, message: "Invitation revoked." };
  });
}

export async function changeRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    const { role } = roleInput.parse({ role: formText(form, "role") });
    await changeMemberRole({ access, userId: formText(form, "userId"), role });
    revalidatePath("/", "layout");
    return { ok: true, message: "Role updated." };
  });
}

export async function removeMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    const { revokedKeys } = await removeMember({ access, userId: formText(form, "userId") });
    revalidatePath("/settings/members");
    return { ok: true, message: revokedKeys ? `Removed; ${revokedKeys} API key(s) they created were revoked.` : "Removed." };
  });
}
