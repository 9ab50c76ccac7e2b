import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";

const LIMIT = 20;
// Enough recent generations to find LIMIT distinct prompts in a busy project without scanning its history.
const SCAN = 200;

/**
 * The caller's own recent prompts (newest first, each once) with the model and parameters they last used, in one
 * project or across the projects they can read. Drawn from generations, so there is nothing extra to store.
 */
export async function listRecentPrompts(options: { access: TeamAccess; projectId?: string }) {
  const { access } = options;
  const projects = options.projectId
    ? [options.projectId]
    : (await db.project.findMany({ where: { teamId: access.teamId }, select: { id: true } })).map((p) => p.id);
  const readable = [...(await readableProjectIds({ access, projectIds: projects }))];
  const rows = await db.generation.findMany({
    where: { teamId: access.teamId, projectId: { in: readable }, ...(access.actorUserId ? { createdById: access.actorUserId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SCAN,
    select: { prompt: true, model: true, parameters: true, createdAt: true, projectId: true },
  });
  const seen = new Set<string>();
  const recent: { prompt: string; model: string; parameters: Record<string, unknown>; projectId: string; usedAt: string }[] = [];
  for (const row of rows) {
    if (seen.has(row.prompt) || !row.prompt) continue;
    seen.add(row.prompt);
    recent.push({ prompt: row.prompt, model: row.model, parameters: row.parameters as Record<string, unknown>, projectId: row.projectId, usedAt: row.createdAt.toISOString() });
    if (recent.length === LIMIT) break;
  }
  return recent;
}
