"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createApiKeyInput } from "@/lib/api-keys/api-key-schemas";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { formText, runAction, type ActionState } from "../run-action";

export async function createApiKeyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "apikey.manage" });
    const input = createApiKeyInput.parse({
      name: formText(form, "name"),
      access: formText(form, "access"),
      projectIds: form.getAll("projectIds").filter((v): v is string => typeof v === "string" && v !== ""),
    });
    const { key } = await createApiKey({ access, input });
    revalidatePath("/settings/api-keys");
    return { ok: true, data: { key } };
  });
}

export async function revokeApiKeyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "apikey.manage" });
    await revokeApiKey({ access, apiKeyId: formText(form, "apiKeyId") });
    revalidatePath("/settings/api-keys");
    return { ok: true, message: "Key revoked." };
  });
}
