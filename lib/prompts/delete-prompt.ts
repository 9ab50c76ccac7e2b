import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";

export async function deletePrompt(options: { access: TeamAccess; promptId: string }) {
  const prompt = await getPromptOrThrow(options);
  await db.prompt.delete({ where: { id: prompt.id } });
  return prompt;
}
