// GET /api/v1/teams/:teamId/projects/:projectId/members - the people named on a (restricted) project
// POST /api/v1/teams/:teamId/projects/:projectId/members - name a team member on the project
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { addProjectMember } from "@/lib/projects/add-project-member";
import { getTeamProjectOrThrow } from "@/lib/projects/get-team-project-or-throw";
import { listProjectMembers } from "@/lib/projects/list-project-members";
import { projectMemberInput } from "@/lib/projects/project-settings-schemas";

export const GET = withTeam("project.manage", async ({ params, access }) => {
  const project = await getTeamProjectOrThrow({ access, projectId: params.projectId ?? "" });
  return json({ data: await listProjectMembers({ projectId: project.id }) });
});

export const POST = withTeam("project.manage", async ({ request, params, access }) => {
  const { userId } = projectMemberInput.parse(await readJson(request));
  await addProjectMember({ access, projectId: params.projectId ?? "", userId });
  return json({ ok: true }, { status: 201 });
});
