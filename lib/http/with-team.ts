import type { Permission } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";
import { resolveTeamAccess, type TeamAccess } from "@/lib/teams/resolve-team-access";

/** For /api/v1/teams/:teamId/… routes: authenticates (session or API key) and checks the permission. */
export function withTeam(
  permission: Permission,
  fn: (ctx: { request: Request; params: Params; access: TeamAccess }) => Promise<Response>,
) {
  return route(async (request, params) => {
    const caller = await authenticate(request, { allowApiKey: true });
    const access = await resolveTeamAccess({ caller, teamId: params.teamId ?? "", permission });
    return fn({ request, params, access });
  });
}
