"use server";

import { revalidatePath } from "next/cache";
import { setSpendCap } from "@/lib/spend/set-spend-cap";
import { removeSpendCap } from "@/lib/spend/remove-spend-cap";
import { limitsForm, memberCapForm } from "@/lib/spend/budget-form-schemas";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { failed, ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";

/** The team's monthly limit: empty hard limit removes it (a threshold alone needs a limit to be a share of). */
export async function setTeamLimitAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "budget.manage" });
    const limits = limitsForm.parse({ softUsd: formText(form, "softUsd"), hardUsd: formText(form, "hardUsd") });
    if (limits.hardUsd === null) {
      if (limits.softUsd !== null) return failed("validation_failed", "Some fields need attention.", { hardUsd: "Set a limit for the alert to be a share of." });
      await removeSpendCap({ access, input: { userId: null, projectId: null } });
      revalidatePath("/", "layout");
      return ok(undefined, "Team limit removed.");
    }
    await setSpendCap({ access, input: { userId: null, projectId: null, softLimitMicros: limits.softUsd, hardLimitMicros: limits.hardUsd } });
    revalidatePath("/", "layout");
    return ok(undefined, "Team limit saved.");
  });
}

export async function setMemberCapAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "budget.manage" });
    const input = memberCapForm.parse({ userId: formText(form, "userId"), projectId: formText(form, "projectId"), hardUsd: formText(form, "hardUsd") });
    await setSpendCap({ access, input: { userId: input.userId, projectId: input.projectId, softLimitMicros: null, hardLimitMicros: input.hardUsd! } });
    revalidatePath("/settings/spend-limits");
    return ok(undefined, "Cap saved.");
  });
}

export async function removeMemberCapAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "budget.manage" });
    const userId = formText(form, "userId");
    if (!userId) return failed("validation_failed", "Some fields need attention.", { userId: "Choose a member." });
    await removeSpendCap({ access, input: { userId, projectId: formText(form, "projectId") || null } });
    revalidatePath("/settings/spend-limits");
    return ok(undefined, "Cap removed.");
  });
}
