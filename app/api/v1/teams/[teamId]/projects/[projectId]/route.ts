// PATCH /api/v1/teams/:teamId/projects/:projectId - rename, describe, archive/unarchive or restrict a project
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { updateProject } from "@/lib/projects/update-project";
import { updateProjectInput } from "@/lib/projects/project-settings-schemas";
import { toProjectDto } from "@/lib/projects/project-schemas";

export const PATCH = withTeam("project.manage", async ({ request, params, access }) => {
  const input = updateProjectInput.parse(await readJson(request));
  return json(toProjectDto(await updateProject({ access, projectId: params.projectId ?? "", input })));
});
