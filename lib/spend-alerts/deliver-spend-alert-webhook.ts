import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { RetryableJobError } from "@/lib/errors";
import { decryptSecret } from "@/lib/credentials/encryption";
import { guardedFetch } from "@/lib/outbound/guarded-fetch";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { log } from "@/lib/observability/log";
import { loadAlertFacts } from "@/lib/spend-alerts/load-alert-facts";
import { readAlertSettings } from "@/lib/spend-alerts/read-alert-settings";
import { alertWebhookBody, testWebhookBody } from "@/lib/spend-alerts/webhook-payload";
import { SIGNATURE_HEADER, signWebhook } from "@/lib/spend-alerts/webhook-signature";

// What the receiver has to answer in: a webhook is a notification, not a download.
const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
// Refusals that another try cannot fix: the URL itself is unusable or points somewhere the guard forbids.
const FINAL = new Set(["blocked_address", "bad_url"]);

/**
 * One attempt to POST a spend alert (or a test) to the team's webhook URL, through the outbound guard, signed with the
 * team's secret (webhook-signature.ts). Every attempt is recorded (SpendAlertDelivery: status, response code,
 * duration, error) for the settings page; a failed alert delivery throws RetryableJobError so pg-boss retries it with
 * backoff. A test delivery is tried once: the person who pressed the button reads the result.
 */
export async function deliverSpendAlertWebhook(options: { teamId: string; alertId: string | null; deliveryId: string; attempt: number }) {
  const { teamId, alertId } = options;
  const settings = await readAlertSettings({ teamId });
  if (!settings.webhookUrl || !settings.secret) return;
  const team = await db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
  if (!team) return;
  let payload: object;
  if (alertId) {
    const loaded = await loadAlertFacts({ alertId });
    if (!loaded || loaded.alert.teamId !== teamId) return;
    payload = alertWebhookBody({ alert: loaded.alert, facts: loaded.facts, team });
  } else {
    payload = testWebhookBody({ team });
  }
  const body = Buffer.from(JSON.stringify(payload));
  const secret = decryptSecret(settings.secret);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/json",
    [SIGNATURE_HEADER]: signWebhook({ secret, timestamp, body }),
    "X-Studio-Webhook-Id": options.deliveryId,
    "X-Studio-Event": alertId ? "spend.alert" : "spend.alert.test",
  };
  const started = performance.now();
  let responseCode: number | null = null;
  let error: GuardedFetchError | Error | null = null;
  try {
    const response = await guardedFetch(settings.webhookUrl, {
      request: { method: "POST", headers, body },
      maxRedirects: 0,
      maxBytes: MAX_RESPONSE_BYTES,
      timeoutMs: TIMEOUT_MS,
    });
    responseCode = response.status;
  } catch (e) {
    error = e instanceof Error ? e : new Error(String(e));
    responseCode = e instanceof GuardedFetchError ? (e.status ?? null) : null;
  }
  const durationMs = Math.round(performance.now() - started);
  await db.spendAlertDelivery.create({
    data: {
      id: createId("spendAlertDelivery"),
      teamId,
      alertId,
      url: settings.webhookUrl,
      attempt: options.attempt,
      status: error ? "failed" : "delivered",
      responseCode,
      durationMs,
      // The guard's messages name the failure, never the secret or body.
      error: error ? error.message.slice(0, 500) : null,
    },
  });
  log("spend-alerts").info({ teamId, alertId, attempt: options.attempt, responseCode, durationMs, ok: !error }, "spend alert webhook attempt");
  if (error && alertId && !(error instanceof GuardedFetchError && FINAL.has(error.kind))) {
    throw new RetryableJobError(`webhook delivery failed: ${error.message}`);
  }
}
