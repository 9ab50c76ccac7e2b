// POST /api/v1/teams/:teamId/prompts/enhance - the built-in enhancer's suggestion for a prompt (deterministic), with its diff
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { enhancePrompt } from "@/lib/prompts/enhance-prompt";
import { diffWords } from "@/lib/prompts/diff-words";
import { enhancePromptInput } from "@/lib/prompts/prompt-schemas";

export const POST = withTeam("project.read", async ({ request }) => {
  const { prompt } = enhancePromptInput.parse(await readJson(request));
  const enhanced = enhancePrompt(prompt);
  return json({ prompt: enhanced.text, additions: enhanced.additions, diff: diffWords(prompt.trim(), enhanced.text) });
});
