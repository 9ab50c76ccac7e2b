// GET /api/v1/teams/:teamId/credentials - whose key each provider uses (team key's last 4 characters, server, simulator)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { listProviderCredentials } from "@/lib/providers-config/list-provider-credentials";

export const GET = withTeam("credential.manage", async ({ access }) =>
  json({ data: await listProviderCredentials({ teamId: access.teamId }) }),
);
