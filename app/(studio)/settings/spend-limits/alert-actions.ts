"use server";

import { revalidatePath } from "next/cache";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { ok, type ActionResult, type ActionState } from "@/lib/actions/action-result";
import { formText, runAction } from "@/lib/actions/run-action";
import { ALERT_CHANNELS, updateSpendAlertSettingsInput } from "@/lib/spend-alerts/alert-settings-schemas";
import { getSpendAlertSettings } from "@/lib/spend-alerts/get-spend-alert-settings";
import { updateSpendAlertSettings } from "@/lib/spend-alerts/update-spend-alert-settings";
import { rotateWebhookSecret } from "@/lib/spend-alerts/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/spend-alerts/send-test-webhook";

const PAGE = "/settings/spend-limits";

/** Which channel gets which thresholds and limit kinds: checkboxes named `<channel>.threshold` and `<channel>.kind`. */
export async function saveAlertChannelsAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "spend_alert.manage" });
    const current = await getSpendAlertSettings({ access });
    const channels = Object.fromEntries(
      ALERT_CHANNELS.map((c) => [c, { thresholds: form.getAll(`${c}.threshold`).map(Number), limitKinds: form.getAll(`${c}.kind`).map(String) }]),
    );
    const input = updateSpendAlertSettingsInput.parse({ channels, webhookUrl: current.webhookUrl });
    await updateSpendAlertSettings({ access, input });
    revalidatePath("/", "layout");
    return ok(undefined, "Alert settings saved.");
  });
}

/** The webhook URL (empty removes the webhook); the first one answers its signing secret, shown once. */
export async function saveWebhookAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "spend_alert.manage" });
    const current = await getSpendAlertSettings({ access });
    const input = updateSpendAlertSettingsInput.parse({ channels: current.channels, webhookUrl: formText(form, "webhookUrl").trim() || null });
    const saved = await updateSpendAlertSettings({ access, input });
    revalidatePath(PAGE);
    if (saved.webhookSecret) return ok({ webhookSecret: saved.webhookSecret }, "Webhook saved. Copy its signing secret now.");
    return ok(undefined, input.webhookUrl ? "Webhook saved." : "Webhook removed.");
  });
}

export async function rotateWebhookSecretAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "spend_alert.manage" });
    const rotated = await rotateWebhookSecret({ access });
    return ok(rotated, "New secret made; the old one no longer signs deliveries.");
  });
}

export async function sendTestWebhookAction(_: ActionState<unknown>, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const access = await sessionTeamAccess({ teamId: formText(form, "teamId"), permission: "spend_alert.manage" });
    await sendTestWebhook({ access });
    revalidatePath(PAGE);
    return ok(undefined, "Test queued: its attempt appears under Deliveries in a few seconds.");
  });
}
