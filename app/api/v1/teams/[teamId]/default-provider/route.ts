// PUT /api/v1/teams/:teamId/default-provider - set (or clear, with null) the provider used when a request names none
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { setDefaultProvider } from "@/lib/teams/set-default-provider";
import { defaultProviderInput, toTeamDto } from "@/lib/teams/team-schemas";

export const PUT = withTeam("credential.manage", async ({ request, access }) => {
  const { provider } = defaultProviderInput.parse(await readJson(request));
  return json(toTeamDto(await setDefaultProvider({ access, provider })));
});
