// GET /api/v1/teams/:teamId/spend-alert-settings - who gets which spend alerts, and the webhook URL
// PUT /api/v1/teams/:teamId/spend-alert-settings - save them (the first webhook URL answers its secret, once)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withTeam } from "@/lib/http/with-team";
import { getSpendAlertSettings } from "@/lib/spend-alerts/get-spend-alert-settings";
import { updateSpendAlertSettings } from "@/lib/spend-alerts/update-spend-alert-settings";
import { updateSpendAlertSettingsInput } from "@/lib/spend-alerts/alert-settings-schemas";

export const GET = withTeam("spend.read", async ({ access }) => json(await getSpendAlertSettings({ access })));

export const PUT = withTeam("spend_alert.manage", async ({ request, access }) => {
  const input = updateSpendAlertSettingsInput.parse(await readJson(request));
  return json(await updateSpendAlertSettings({ access, input }));
});
