// GET /api/v1/teams/:teamId/members - the team's members and their roles
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { listMembers } from "@/lib/teams/list-members";

export const GET = withTeam("member.manage", async ({ access }) => json({ data: await listMembers({ teamId: access.teamId }) }));
