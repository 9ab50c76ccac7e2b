// GET /api/v1/teams/:teamId/spend-alerts/active - limits of this period at 80 % or more the caller should see (banner)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { listActiveSpendAlerts } from "@/lib/spend-alerts/list-active-spend-alerts";

export const GET = withTeam("project.read", async ({ access }) => json({ data: await listActiveSpendAlerts({ access }) }));
