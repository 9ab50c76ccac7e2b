// GET /api/v1/teams/:teamId - the team and the caller's role in it
// PATCH /api/v1/teams/:teamId - rename the team
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { getTeam } from "@/lib/teams/get-team";
import { renameTeam } from "@/lib/teams/rename-team";
import { renameTeamInput, toTeamDto } from "@/lib/teams/team-schemas";

export const GET = withTeam("project.read", async ({ access }) => {
  const team = await getTeam({ access });
  return json({ ...toTeamDto(team), role: access.role });
});

export const PATCH = withTeam("team.manage", async ({ request, access }) => {
  const input = renameTeamInput.parse(await readJson(request));
  return json(toTeamDto(await renameTeam({ access, input })));
});
