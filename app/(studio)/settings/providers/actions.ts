"use server";

import { revalidatePath } from "next/cache";
import { saveProviderCredential } from "@/lib/credentials/save-provider-credential";
import { deleteProviderCredential } from "@/lib/credentials/delete-provider-credential";
import { providerParam } from "@/lib/credentials/credential-schemas";
import { setDefaultProvider } from "@/lib/teams/set-default-provider";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { defaultProviderInput } from "@/lib/teams/team-schemas";
import { PROVIDER_LABELS } from "@/lib/kling/providers";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";

// Only the fields a provider's schema knows are read from the form; empty optional fields are left out.
const SECRET_FIELDS = ["accessKey", "secretKey", "apiKey", "webhookSecret", "key"] as const;

export async function saveCredentialAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "credential.manage" });
    const provider = providerParam.parse(formText(form, "provider"));
    const secrets = Object.fromEntries(SECRET_FIELDS.map((f) => [f, formText(form, f).trim()]).filter(([, v]) => v !== ""));
    const row = await saveProviderCredential({ access, provider, secrets });
    revalidatePath("/settings/providers");
    return ok(undefined, `${PROVIDER_LABELS[provider]} key ••••${row.last4} saved and checked.`);
  });
}

export async function deleteCredentialAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "credential.manage" });
    const provider = providerParam.parse(formText(form, "provider"));
    await deleteProviderCredential({ access, provider });
    revalidatePath("/settings/providers");
    return ok(undefined, `${PROVIDER_LABELS[provider]} key removed.`);
  });
}

export async function setDefaultProviderAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "credential.manage" });
    const raw = formText(form, "provider");
    const { provider } = defaultProviderInput.parse({ provider: raw === "" ? null : raw });
    await setDefaultProvider({ access, provider });
    revalidatePath("/settings/providers");
    return ok(undefined, provider ? `New generations use ${PROVIDER_LABELS[provider]} unless they name another.` : "No default provider.");
  });
}
