import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";

/**
 * The team's prompt, when the caller may see it: team-wide, or in a project they can read. Anything else — another
 * team's, a restricted project's — is the same 404 as an unknown id.
 */
export async function getPromptOrThrow(options: { access: TeamAccess; promptId: string }) {
  const prompt = await db.prompt.findFirst({ where: { id: options.promptId, teamId: options.access.teamId } });
  const visible = prompt && (!prompt.projectId || (await readableProjectIds({ access: options.access, projectIds: [prompt.projectId] })).has(prompt.projectId));
  if (!prompt || !visible) throw new AppError("not_found", "Prompt not found.");
  return prompt;
}
