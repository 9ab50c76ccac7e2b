import type { Caller } from "@/lib/http/caller";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

// Which of a team's projects a caller may see at all, beyond being in the team: an API key's project scope, and
// restricted projects (owners and admins see them all; anyone else only those they are named on). A key is judged as
// its creator is now — their current role and naming — so it never sees more than they would in a session.
// getProjectOrThrow (one project, from a URL) and readableProjectIds (asset ids inside request bodies) both ask here.

/** False when an API key is scoped to other projects. */
export function keyScopeAllows(caller: Caller, projectId: string): boolean {
  return caller.kind !== "apiKey" || caller.projectIds.length === 0 || caller.projectIds.includes(projectId);
}

/** The person whose naming decides restricted projects, and whether their role sees every restricted project anyway. */
export function restrictedProjectViewer(access: TeamAccess): { userId: string | null; seesAll: boolean } {
  const { caller } = access;
  const role = caller.kind === "apiKey" ? caller.creatorRole : access.role;
  return { userId: caller.kind === "apiKey" ? caller.createdById : caller.userId, seesAll: role === "owner" || role === "admin" };
}
