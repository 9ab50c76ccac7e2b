// DELETE /api/v1/teams/:teamId/projects/:projectId/members/:userId - take someone off a project
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { removeProjectMember } from "@/lib/projects/remove-project-member";

export const DELETE = withTeam("project.manage", async ({ params, access }) => {
  await removeProjectMember({ access, projectId: params.projectId ?? "", userId: params.userId ?? "" });
  return json({ ok: true });
});
