// GET /api/v1/teams/:teamId/prompts - prompt templates the caller can use (team-wide and their projects'; ?projectId= for one project's)
// POST /api/v1/teams/:teamId/prompts - save a prompt with its parameters as a named template, team-wide or for a project
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { savePrompt } from "@/lib/prompts/save-prompt";
import { listPromptsQuery, savePromptInput, toPromptDto } from "@/lib/prompts/prompt-schemas";

export const GET = withTeam("project.read", async ({ request, access }) => {
  const query = listPromptsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const prompts = await listPrompts({ access, projectId: query.projectId });
  return json({ data: prompts.map(toPromptDto) });
});

export const POST = withTeam("generation.create", async ({ request, access }) => {
  const input = savePromptInput.parse(await readJson(request));
  return json(toPromptDto(await savePrompt({ access, input })), { status: 201 });
});
