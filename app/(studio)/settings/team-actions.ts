"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createTeam } from "@/lib/teams/create-team";
import { renameTeam } from "@/lib/teams/rename-team";
import { leaveTeam } from "@/lib/teams/leave-team";
import { switchTeam } from "@/lib/teams/switch-team";
import { transferOwnership } from "@/lib/teams/transfer-ownership";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { requireUserId } from "@/lib/auth/current-user";
import { createTeamInput, renameTeamInput, transferOwnershipInput } from "@/lib/teams/team-schemas";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";

export async function switchTeamAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  const state: ActionResult<unknown> = await runAction(async () => {
    await switchTeam({ userId: await requireUserId(), teamId: formText(form, "teamId") });
    return ok();
  });
  if (state.ok) redirect("/");
  return state;
}

export async function createTeamAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  const state: ActionResult<unknown> = await runAction(async () => {
    const userId = await requireUserId();
    const team = await createTeam({ userId, input: createTeamInput.parse({ name: formText(form, "name") }) });
    await switchTeam({ userId, teamId: team.id });
    return ok();
  });
  if (state.ok) redirect("/settings");
  return state;
}

export async function renameTeamAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "team.manage" });
    const team = await renameTeam({ access, input: renameTeamInput.parse({ name: formText(form, "name") }) });
    revalidatePath("/", "layout");
    return ok(undefined, `Renamed to ${team.name}.`);
  });
}

export async function leaveTeamAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  const state: ActionResult<unknown> = await runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "project.read" });
    await leaveTeam({ access });
    return ok();
  });
  if (state.ok) redirect("/");
  return state;
}

export async function transferOwnershipAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "team.manage" });
    const { userId } = transferOwnershipInput.parse({ userId: formText(form, "userId") });
    await transferOwnership({ access, userId });
    revalidatePath("/", "layout");
    return ok(undefined, "Ownership transferred. You are now an admin of this team.");
  });
}
