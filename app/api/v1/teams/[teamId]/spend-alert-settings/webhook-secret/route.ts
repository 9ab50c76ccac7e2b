// POST /api/v1/teams/:teamId/spend-alert-settings/webhook-secret - rotate the webhook signing secret (shown once)
import { json } from "@/lib/http/respond";
import { withTeam } from "@/lib/http/with-team";
import { rotateWebhookSecret } from "@/lib/spend-alerts/rotate-webhook-secret";

export const POST = withTeam("spend_alert.manage", async ({ access }) => json(await rotateWebhookSecret({ access })));
