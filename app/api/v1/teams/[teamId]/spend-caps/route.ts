// GET /api/v1/teams/:teamId/spend-caps - the team's monthly limit and members' caps, each with this month's spend
// PUT /api/v1/teams/:teamId/spend-caps - set the team's monthly limit (no userId) or a member's cap (admins)
// DELETE /api/v1/teams/:teamId/spend-caps?userId=&projectId= - remove one (no userId: the team's limit)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { setSpendCap } from "@/lib/spend/set-spend-cap";
import { removeSpendCap } from "@/lib/spend/remove-spend-cap";
import { listSpendCaps } from "@/lib/spend/list-spend-caps";
import { removeSpendCapInput, setSpendCapInput, toSpendCapDto } from "@/lib/spend/spend-cap-schemas";

export const GET = withTeam("spend.read", async ({ access }) => {
  return json({ data: await listSpendCaps({ teamId: access.teamId }) });
});

export const PUT = withTeam("budget.manage", async ({ request, access }) => {
  const input = setSpendCapInput.parse(await readJson(request));
  return json(toSpendCapDto(await setSpendCap({ access, input })));
});

export const DELETE = withTeam("budget.manage", async ({ request, access }) => {
  const query = new URL(request.url).searchParams;
  const input = removeSpendCapInput.parse({ userId: query.get("userId") || null, projectId: query.get("projectId") || null });
  await removeSpendCap({ access, input });
  return new Response(null, { status: 204 });
});
