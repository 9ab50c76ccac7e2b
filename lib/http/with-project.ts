import type { Permission } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { Project } from "@/lib/generated/prisma/client";

/** For /api/v1/projects/:projectId/… routes: the project's team decides the caller's role. */
export function withProject(
  permission: Permission,
  fn: (ctx: { request: Request; params: Params; access: TeamAccess; project: Project }) => Promise<Response>,
) {
  return route(async (request, params) => {
    const caller = await authenticate(request, { allowApiKey: true });
    const { project, access } = await getProjectOrThrow({ caller, projectId: params.projectId ?? "", permission });
    return fn({ request, params, access, project });
  });
}
