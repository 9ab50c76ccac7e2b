import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { SavePromptInput } from "@/lib/prompts/prompt-schemas";
import { checkPromptProject } from "@/lib/prompts/check-prompt-project";

/** Saves a prompt template, team-wide or for one project the caller can read. */
export async function savePrompt(options: { access: TeamAccess; input: SavePromptInput }) {
  const { access, input } = options;
  await checkPromptProject({ access, projectId: input.projectId });
  return db.prompt.create({
    data: {
      id: createId("prompt"),
      teamId: access.teamId,
      projectId: input.projectId,
      name: input.name,
      text: input.text,
      negativePrompt: input.negativePrompt,
      model: input.model ?? null,
      parameters: input.parameters as object,
      createdById: access.actorUserId,
    },
  });
}
