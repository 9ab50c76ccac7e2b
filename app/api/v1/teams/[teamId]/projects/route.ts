// GET /api/v1/teams/:teamId/projects - the team's projects the caller can see
// POST /api/v1/teams/:teamId/projects - create a project
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { createProject } from "@/lib/projects/create-project";
import { listProjects } from "@/lib/projects/list-projects";
import { createProjectInput, toProjectDto } from "@/lib/projects/project-schemas";
import { readJson } from "@/lib/http/read-json";

export const GET = withTeam("project.read", async ({ access }) => {
  const projects = await listProjects({ access });
  return json({ data: projects.map(toProjectDto) });
});

export const POST = withTeam("project.manage", async ({ request, access }) => {
  const input = createProjectInput.parse(await readJson(request));
  const project = await createProject({ access, input });
  return json(toProjectDto(project), { status: 201 });
});
