// POST /api/v1/teams/:teamId/transfer-ownership - make another member the owner; the caller becomes an admin
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { transferOwnership } from "@/lib/teams/transfer-ownership";
import { transferOwnershipInput } from "@/lib/teams/team-schemas";

export const POST = withTeam("team.manage", async ({ request, access }) => {
  const { userId } = transferOwnershipInput.parse(await readJson(request));
  await transferOwnership({ access, userId });
  return json({ ok: true });
});
