import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import type { Project } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import { keyScopeAllows, restrictedProjectViewer } from "@/lib/projects/project-visibility";
import type { Caller } from "@/lib/http/caller";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { scopeGrants } from "@/lib/api-keys/api-key-scopes";

// Every project route starts here, the submit path included: one raw round trip rather than Prisma's (lib/db-pool.ts).
const PROJECT_BY_ID = {
  name: "project-by-id",
  text: `SELECT id, "teamId", name, description, restricted, "archivedAt", "createdById", "createdAt", "updatedAt"
           FROM "Project" WHERE id = $1`,
};

/** The project row, unchecked: only getProjectOrThrow's answer may reach a caller. */
export async function loadProject(projectId: string): Promise<Project | undefined> {
  return (await pgPool().query<Project>({ ...PROJECT_BY_ID, values: [projectId] })).rows[0];
}

/**
 * Loads a project the caller may act on. Unknown ids, other teams' projects and restricted projects the caller is
 * not named on are all the same 404 — decided before the permission, so a member lacking the permission can't tell a
 * restricted project from a missing one by a 403. Only a project the caller can see answers 403 for a missing permission.
 */
export async function getProjectOrThrow(options: {
  caller: Caller;
  projectId: string;
  permission: Permission;
  /** The row, already being read by `loadProject` while the caller was authenticated. */
  loading?: Promise<Project | undefined>;
}) {
  const { caller, projectId, permission } = options;
  const project = await (options.loading ?? loadProject(projectId));
  if (!project) throw notFound();
  // Every role may read, so this only answers "is the caller in the project's team"; the permission comes last.
  const access = await resolveTeamAccess({ caller, teamId: project.teamId, permission: "project.read" }).catch((error) => {
    throw error instanceof Error && (error as { code?: string }).code === "not_found" ? notFound() : error;
  });
  if (!keyScopeAllows(caller, projectId)) throw notFound();
  const viewer = restrictedProjectViewer(access);
  if (project.restricted && !viewer.seesAll) {
    const named = viewer.userId
      ? await db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: viewer.userId } } })
      : null;
    if (!named) throw notFound();
  }
  // keyScopeAllows has already confined a project-limited key to its projects, so a scope applies here as it is.
  if (!can(access.role, permission) && !scopeGrants(caller, permission)) throw new AppError("forbidden", "Your role in this team does not allow that.");
  return { project, access };
}

function notFound() {
  return new AppError("not_found", "Project not found.");
}
