import type { Permission } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";
import { getProjectOrThrow, loadProject } from "@/lib/projects/get-project-or-throw";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { Project } from "@/lib/generated/prisma/client";

/** For /api/v1/projects/:projectId/… routes: the project's team decides the caller's role. */
export function withProject(
  permission: Permission,
  fn: (ctx: { request: Request; params: Params; access: TeamAccess; project: Project }) => Promise<Response>,
) {
  return route(async (request, params) => {
    const projectId = params.projectId ?? "";
    // The row is read while the caller is authenticated, a round trip fewer on every project route; nothing about it
    // is used or revealed until authentication has succeeded and getProjectOrThrow has checked access.
    const loading = loadProject(projectId);
    loading.catch(() => undefined); // settled below; an early 401 must not leave it unhandled
    const caller = await authenticate(request, { allowApiKey: true });
    const { project, access } = await getProjectOrThrow({ caller, projectId, permission, loading });
    return fn({ request, params, access, project });
  });
}
