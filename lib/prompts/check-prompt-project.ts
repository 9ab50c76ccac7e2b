import { AppError } from "@/lib/errors";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";

/**
 * A project id from a request body, checked like any id inside a body: in the caller's team, inside an API key's
 * scope and, when restricted, visible to the caller. Another team's project is the same answer as a missing one.
 */
export async function checkPromptProject(options: { access: TeamAccess; projectId: string | null | undefined }) {
  const { projectId } = options;
  if (!projectId) return;
  const readable = await readableProjectIds({ access: options.access, projectIds: [projectId] });
  if (!readable.has(projectId)) throw new AppError("validation_failed", "That project was not found.", { fields: { projectId: "No such project in this team." } });
}
