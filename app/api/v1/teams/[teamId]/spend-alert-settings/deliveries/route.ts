// GET /api/v1/teams/:teamId/spend-alert-settings/deliveries - the latest webhook delivery attempts
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { listWebhookDeliveries } from "@/lib/spend-alerts/list-webhook-deliveries";

export const GET = withTeam("spend.read", async ({ access }) => json({ data: await listWebhookDeliveries({ access }) }));
