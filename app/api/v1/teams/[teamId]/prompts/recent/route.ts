// GET /api/v1/teams/:teamId/prompts/recent - the caller's recent prompts with their parameters (?projectId= for one project)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { listRecentPrompts } from "@/lib/prompts/list-recent-prompts";
import { listPromptsQuery } from "@/lib/prompts/prompt-schemas";

export const GET = withTeam("project.read", async ({ request, access }) => {
  const query = listPromptsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ data: await listRecentPrompts({ access, projectId: query.projectId }) });
});
