import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import type { Project } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/http/caller";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";

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
 * not named on are all the same 404.
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
  if (!project) throw new AppError("not_found", "Project not found.");
  const access = await resolveTeamAccess({ caller, teamId: project.teamId, permission }).catch((error) => {
    throw error instanceof Error && (error as { code?: string }).code === "not_found"
      ? new AppError("not_found", "Project not found.")
      : error;
  });
  if (caller.kind === "apiKey" && caller.projectIds.length > 0 && !caller.projectIds.includes(projectId)) {
    throw new AppError("not_found", "Project not found.");
  }
  if (project.restricted && caller.kind === "user" && access.role !== "owner" && access.role !== "admin") {
    const named = await db.projectMember.findUnique({
      where: { projectId_userId: { projectId, userId: caller.userId } },
    });
    if (!named) throw new AppError("not_found", "Project not found.");
  }
  return { project, access };
}
