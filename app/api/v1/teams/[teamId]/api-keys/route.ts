// GET /api/v1/teams/:teamId/api-keys - the team's API keys (prefix, access, last use; never the key)
// POST /api/v1/teams/:teamId/api-keys - create a key; the response is the only time the full key is shown
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyInput, toApiKeyDto } from "@/lib/api-keys/api-key-schemas";

export const GET = withTeam("apikey.manage", async ({ access }) => {
  const keys = await listApiKeys({ teamId: access.teamId });
  return json({ data: keys.map(toApiKeyDto) });
});

export const POST = withTeam("apikey.manage", async ({ request, access }) => {
  const input = createApiKeyInput.parse(await readJson(request));
  const { apiKey, key } = await createApiKey({ access, input });
  return json({ ...toApiKeyDto(apiKey), key }, { status: 201, headers: { "cache-control": "no-store" } });
});
