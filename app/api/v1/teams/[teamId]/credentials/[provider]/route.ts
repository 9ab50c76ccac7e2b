// PUT /api/v1/teams/:teamId/credentials/:provider - save the team's own key (checked with the provider, encrypted)
// DELETE /api/v1/teams/:teamId/credentials/:provider - forget the team's key
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { providerParam } from "@/lib/credentials/credential-schemas";
import { saveProviderCredential } from "@/lib/credentials/save-provider-credential";
import { deleteProviderCredential } from "@/lib/credentials/delete-provider-credential";

export const PUT = withTeam("credential.manage", async ({ request, params, access }) => {
  const provider = providerParam.parse(params.provider);
  const row = await saveProviderCredential({ access, provider, secrets: await readJson(request) });
  return json({ provider: row.provider, last4: row.last4, checkedAt: row.checkedAt?.toISOString() ?? null });
});

export const DELETE = withTeam("credential.manage", async ({ params, access }) => {
  await deleteProviderCredential({ access, provider: providerParam.parse(params.provider) });
  return json({ ok: true });
});
