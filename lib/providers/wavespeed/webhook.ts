import { createHmac, timingSafeEqual } from "node:crypto";
import { getHeader, bodyBytes, parseJsonBody } from "@/lib/providers/headers";
import { readWebhookToken } from "@/lib/providers/webhook-token";
import { field, str } from "@/lib/providers/http";
import { waveSpeedStatus } from "@/lib/providers/wavespeed/status";
import type { WebhookRequest, WebhookVerification } from "@/lib/providers/types";

// WaveSpeed's scheme (providers.md §2.3) borrows Standard Webhooks' header names but not its crypto: the entry is
// `v3,<hex>`, and the HMAC key is the secret string itself (after dropping `whsec_`), not its base64 decoding.
// A stock standardwebhooks verifier therefore rejects real WaveSpeed deliveries, hence this code.
export const WAVESPEED_TOLERANCE_SECONDS = 300;

export function waveSpeedSignature(options: { secret: string; id: string; timestamp: string; body: string | Uint8Array }): string {
  const key = options.secret.startsWith("whsec_") ? options.secret.slice("whsec_".length) : options.secret;
  return createHmac("sha256", key)
    .update(`${options.id}.${options.timestamp}.`)
    .update(bodyBytes(options.body))
    .digest("hex");
}

export function verifyWaveSpeedWebhook(
  request: WebhookRequest,
  secrets: { webhookSecret?: string; tokenSecret: string },
): WebhookVerification {
  const id = getHeader(request.headers, "webhook-id");
  const timestamp = getHeader(request.headers, "webhook-timestamp");
  const signatures = getHeader(request.headers, "webhook-signature");
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing_headers", message: "Missing webhook-id/-timestamp/-signature" };
  if (!secrets.webhookSecret) return { ok: false, reason: "bad_signature", message: "No WaveSpeed webhook secret configured" };

  const nowSec = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const sentAt = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSec - sentAt) > WAVESPEED_TOLERANCE_SECONDS)
    return { ok: false, reason: "stale", message: "Webhook timestamp outside the 300 s tolerance" };

  const expected = Buffer.from(waveSpeedSignature({ secret: secrets.webhookSecret, id, timestamp, body: request.rawBody }), "hex");
  // The header may list several space-separated entries (key rotation); any valid v3 entry passes.
  const valid = signatures.split(" ").some((entry) => {
    const [version, hex] = entry.split(",", 2);
    if (version !== "v3" || !hex || !/^[0-9a-f]+$/i.test(hex)) return false;
    const given = Buffer.from(hex, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) return { ok: false, reason: "bad_signature", message: "Signature does not match" };

  const token = readWebhookToken({ url: request.url, secret: secrets.tokenSecret });
  if (!token.ok) return { ok: false, reason: "bad_token", message: "Missing or invalid webhook token" };
  const body = parseJsonBody(request.rawBody);
  const taskId = str(field(body, "id"));
  if (!taskId) return { ok: false, reason: "malformed", message: "Webhook body has no prediction id" };
  return {
    ok: true,
    // webhook-id is the same on every redelivery of one message.
    eventKey: `wavespeed:${id}`,
    providerTaskId: taskId,
    correlationId: token.correlationId,
    hintStatus: waveSpeedStatus(field(body, "status")),
    confirmWithStatus: false,
    payload: body,
  };
}
