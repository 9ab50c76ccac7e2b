import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";

/**
 * The templates the caller can use, by name: team-wide ones and those of projects they can read — or, with
 * `projectId`, the team-wide ones and that project's (what the generate form of that project offers).
 */
export async function listPrompts(options: { access: TeamAccess; projectId?: string }) {
  const { access } = options;
  const projects = options.projectId
    ? [options.projectId]
    : (await db.project.findMany({ where: { teamId: access.teamId }, select: { id: true } })).map((p) => p.id);
  const readable = [...(await readableProjectIds({ access, projectIds: projects }))];
  return db.prompt.findMany({
    where: { teamId: access.teamId, OR: [{ projectId: null }, { projectId: { in: readable } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}
