import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { UpdatePromptInput } from "@/lib/prompts/prompt-schemas";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { checkPromptProject } from "@/lib/prompts/check-prompt-project";

export async function updatePrompt(options: { access: TeamAccess; promptId: string; input: UpdatePromptInput }) {
  const { access, input } = options;
  const prompt = await getPromptOrThrow({ access, promptId: options.promptId });
  if (input.projectId !== undefined) await checkPromptProject({ access, projectId: input.projectId });
  return db.prompt.update({
    where: { id: prompt.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.negativePrompt !== undefined ? { negativePrompt: input.negativePrompt } : {}),
      ...(input.model !== undefined ? { model: input.model } : {}),
      ...(input.parameters !== undefined ? { parameters: input.parameters as object } : {}),
      ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
    },
  });
}
