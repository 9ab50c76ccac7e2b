"use server";

import { revalidatePath } from "next/cache";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { markNotificationsRead } from "@/lib/review/mark-notifications-read";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";

export async function markNotificationsReadAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "project.read" });
    const id = formText(form, "notificationId");
    const { updated } = await markNotificationsRead({ userId: access.actorUserId!, teamId: access.teamId, ...(id && { ids: [id] }) });
    revalidatePath("/", "layout");
    return ok(undefined, updated === 1 ? "Marked read." : `${updated} marked read.`);
  });
}
