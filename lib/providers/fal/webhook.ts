import { createHash, verify, type KeyObject } from "node:crypto";
import { getHeader, bodyBytes, parseJsonBody } from "@/lib/providers/headers";
import { readWebhookToken } from "@/lib/providers/webhook-token";
import { field, str } from "@/lib/providers/http";
import type { JwksCache } from "@/lib/providers/fal/jwks";
import type { WebhookRequest, WebhookVerification } from "@/lib/providers/types";

// fal signs each delivery with ED25519 (providers.md §5.3): the message is
// `request_id \n user_id \n timestamp \n sha256_hex(raw body)`, the signature is hex in X-Fal-Webhook-Signature,
// and any key in fal's JWKS may have made it. Deliveries older or newer than 300 s are refused.
export const FAL_TOLERANCE_SECONDS = 300;

export function falSignedMessage(options: { requestId: string; userId: string; timestamp: string; body: string | Uint8Array }): Buffer {
  const digest = createHash("sha256").update(bodyBytes(options.body)).digest("hex");
  return Buffer.from(`${options.requestId}\n${options.userId}\n${options.timestamp}\n${digest}`, "utf8");
}

function anyKeyVerifies(keys: KeyObject[], message: Buffer, signature: Buffer): boolean {
  return keys.some((key) => {
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  });
}

export async function verifyFalWebhook(request: WebhookRequest, options: { jwks: JwksCache; tokenSecret: string }): Promise<WebhookVerification> {
  const requestId = getHeader(request.headers, "x-fal-webhook-request-id");
  const userId = getHeader(request.headers, "x-fal-webhook-user-id");
  const timestamp = getHeader(request.headers, "x-fal-webhook-timestamp");
  const signatureHex = getHeader(request.headers, "x-fal-webhook-signature");
  if (!requestId || !userId || !timestamp || !signatureHex) return { ok: false, reason: "missing_headers", message: "Missing X-Fal-Webhook-* headers" };

  const nowSec = Math.floor((request.now ?? new Date()).getTime() / 1000);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSec - Number(timestamp)) > FAL_TOLERANCE_SECONDS)
    return { ok: false, reason: "stale", message: "Webhook timestamp outside the 300 s tolerance" };
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return { ok: false, reason: "bad_signature", message: "Signature is not 64 hex-encoded bytes" };

  const message = falSignedMessage({ requestId, userId, timestamp, body: request.rawBody });
  const signature = Buffer.from(signatureHex, "hex");
  let keys: KeyObject[];
  try {
    keys = await options.jwks.keys();
    if (!anyKeyVerifies(keys, message, signature) && options.jwks.canRefresh()) keys = await options.jwks.keys({ refresh: true });
  } catch {
    return { ok: false, reason: "keys_unavailable", message: "Could not fetch fal's JWKS" };
  }
  if (!anyKeyVerifies(keys, message, signature)) return { ok: false, reason: "bad_signature", message: "Signature does not match any fal key" };

  const token = readWebhookToken({ url: request.url, secret: options.tokenSecret });
  if (!token.ok) return { ok: false, reason: "bad_token", message: "Missing or invalid webhook token" };
  const body = parseJsonBody(request.rawBody);
  const status = str(field(body, "status"));
  if (!body || !status) return { ok: false, reason: "malformed", message: "Webhook body has no status" };
  const providerTaskId = str(field(body, "request_id")) ?? requestId;
  return {
    ok: true,
    // One completion webhook per request; fal's retries (10 over 2 h) repeat the same request id.
    eventKey: `fal:${providerTaskId}`,
    providerTaskId,
    correlationId: token.correlationId,
    hintStatus: status === "OK" ? "succeeded" : status === "ERROR" ? "failed" : undefined,
    confirmWithStatus: false,
    payload: body,
  };
}
