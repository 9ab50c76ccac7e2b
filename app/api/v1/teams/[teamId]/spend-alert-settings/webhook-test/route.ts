// POST /api/v1/teams/:teamId/spend-alert-settings/webhook-test - queue a signed test delivery
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { sendTestWebhook } from "@/lib/spend-alerts/send-test-webhook";

export const POST = withTeam("spend_alert.manage", async ({ access }) => json(await sendTestWebhook({ access }), { status: 202 }));
