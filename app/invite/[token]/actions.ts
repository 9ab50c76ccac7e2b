"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationAsNewUser } from "@/lib/invitations/accept-invitation-as-new-user";
import { requireUserId } from "@/lib/auth/current-user";
import { switchTeam } from "@/lib/teams/switch-team";
import { acceptAsNewUserInput } from "@/lib/teams/team-schemas";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";

// The token in the form is the credential here: it is single-use, expires, and is bound to one email address.

export async function acceptInvitationAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  const state: ActionResult<unknown> = await runAction(async () => {
    const userId = await requireUserId();
    const { teamId } = await acceptInvitation({ token: formText(form, "token"), userId });
    await switchTeam({ userId, teamId });
    return ok();
  });
  if (state.ok) redirect("/");
  return state;
}

export async function acceptInvitationAsNewUserAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  const state: ActionResult<unknown> = await runAction(async () => {
    const input = acceptAsNewUserInput.parse({ name: formText(form, "name"), password: formText(form, "password") });
    const session = await acceptInvitationAsNewUser({ token: formText(form, "token"), input });
    const cookie = sessionCookie();
    (await cookies()).set(cookie.name, session.sessionToken, { ...cookie.options, expires: session.expires });
    await switchTeam({ userId: session.userId, teamId: session.teamId });
    return ok();
  });
  if (state.ok) redirect("/");
  return state;
}
