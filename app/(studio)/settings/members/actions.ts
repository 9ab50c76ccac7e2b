"use server";

import { revalidatePath } from "next/cache";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/teams/change-member-role";
import { removeMember } from "@/lib/teams/remove-member";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { inviteInput, roleInput } from "@/lib/teams/team-schemas";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";

export async function inviteMemberAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    const input = inviteInput.parse({ email: formText(form, "email").trim(), role: formText(form, "role") });
    const { delivered, url } = await createInvitation({ access, input });
    revalidatePath("/settings/members");
    return delivered
      ? ok(undefined, `Invitation emailed to ${input.email}.`)
      : ok({ inviteUrl: url }, `Invitation created for ${input.email}. No email server is configured, so send them this link:`);
  });
}

export async function revokeInvitationAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    await revokeInvitation({ access, invitationId: formText(form, "invitationId") });
    revalidatePath("/settings/members");
    return ok(undefined, "Invitation revoked.");
  });
}

export async function changeRoleAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    const { role } = roleInput.parse({ role: formText(form, "role") });
    await changeMemberRole({ access, userId: formText(form, "userId"), role });
    revalidatePath("/", "layout");
    return ok(undefined, "Role updated.");
  });
}

export async function removeMemberAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "member.manage" });
    const { revokedKeys } = await removeMember({ access, userId: formText(form, "userId") });
    revalidatePath("/settings/members");
    return ok(undefined, revokedKeys ? `Removed; ${revokedKeys} API key(s) they created were revoked.` : "Removed.");
  });
}
