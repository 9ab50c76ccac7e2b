"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { acceptInvitation } from "@/lib/teams/accept-invitation";
import { acceptInvitationAsNewUser } from "@/lib/teams/accept-invitation-as-new-user";
import { sessionUserId } from "@/lib/teams/session-user-id";
import { switchTeam } from "@/lib/teams/switch-team";
import { acceptAsNewUserInput } from "@/lib/teams/team-schemas";
import { formText, runAction, type ActionState } from "@/app/(studio)/settings/run-action";

// The token in the form is the credential here: it is single-use, expires, and is bound to one email address.

export async function acceptInvitationAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    const userId = await sessionUserId();
    const { teamId } = await acceptInvitation({ token: formText(form, "token"), userId });
    await switchTeam({ userId, teamId });
    return { ok: true };
  });
  if (state.ok) redirect("/");
  return state;
}

export async function acceptInvitationAsNewUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    const input = acceptAsNewUserInput.parse({ name: formText(form, "name"), password: formText(form, "password") });
    const session = await acceptInvitationAsNewUser({ token: formText(form, "token"), input });
    const cookie = sessionCookie();
    (await cookies()).set(cookie.name, session.sessionToken, { ...cookie.options, expires: session.expires });
    await switchTeam({ userId: session.userId, teamId: session.teamId });
    return { ok: true };
  });
  if (state.ok) redirect("/");
  return state;
}
