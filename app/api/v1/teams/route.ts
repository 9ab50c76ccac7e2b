// GET /api/v1/teams - the teams the signed-in person belongs to
// POST /api/v1/teams - create a team owned by the signed-in person
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withSession } from "@/lib/http/with-session";
import { createTeam } from "@/lib/teams/create-team";
import { listUserTeams } from "@/lib/teams/list-user-teams";
import { createTeamInput, toTeamDto } from "@/lib/teams/team-schemas";

export const GET = withSession(async ({ userId }) => json({ data: await listUserTeams({ userId }) }));

export const POST = withSession(async ({ request, userId }) => {
  const input = createTeamInput.parse(await readJson(request));
  const team = await createTeam({ userId, input });
  return json(toTeamDto(team), { status: 201 });
});
