// GET /api/v1/teams/:teamId/prompts/:promptId - one prompt template
// PATCH /api/v1/teams/:teamId/prompts/:promptId - change a template (name, text, parameters, scope)
// DELETE /api/v1/teams/:teamId/prompts/:promptId - delete a template
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { updatePrompt } from "@/lib/prompts/update-prompt";
import { deletePrompt } from "@/lib/prompts/delete-prompt";
import { toPromptDto, updatePromptInput } from "@/lib/prompts/prompt-schemas";

export const GET = withTeam("project.read", async ({ params, access }) => {
  return json(toPromptDto(await getPromptOrThrow({ access, promptId: params.promptId ?? "" })));
});

export const PATCH = withTeam("generation.create", async ({ request, params, access }) => {
  const input = updatePromptInput.parse(await readJson(request));
  return json(toPromptDto(await updatePrompt({ access, promptId: params.promptId ?? "", input })));
});

export const DELETE = withTeam("generation.create", async ({ params, access }) => {
  await deletePrompt({ access, promptId: params.promptId ?? "" });
  return json({ ok: true });
});
