"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createApiKeyInput } from "@/lib/api-keys/api-key-schemas";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";

export async function createApiKeyAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "apikey.manage" });
    const input = createApiKeyInput.parse({
      name: formText(form, "name"),
      access: formText(form, "access"),
      projectIds: form.getAll("projectIds").filter((v): v is string => typeof v === "string" && v !== ""),
      scopes: form.getAll("scopes").filter((v): v is string => typeof v === "string" && v !== ""),
    });
    const { key } = await createApiKey({ access, input });
    revalidatePath("/settings/api-keys");
    return ok({ key });
  });
}

export async function revokeApiKeyAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "apikey.manage" });
    await revokeApiKey({ access, apiKeyId: formText(form, "apiKeyId") });
    revalidatePath("/settings/api-keys");
    return ok(undefined, "Key revoked.");
  });
}
