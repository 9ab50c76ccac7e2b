// DELETE /api/v1/teams/:teamId/api-keys/:apiKeyId - revoke a key (requests carrying it get 401 from then on)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const DELETE = withTeam("apikey.manage", async ({ params, access }) => {
  await revokeApiKey({ access, apiKeyId: params.apiKeyId ?? "" });
  return json({ ok: true });
});
