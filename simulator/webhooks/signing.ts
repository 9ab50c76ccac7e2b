import { createHash, createHmac, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { FAL_USER_ID, WAVESPEED_WEBHOOK_SECRET } from "../credentials";

// WaveSpeed: Standard-Webhooks header names but its own scheme — "v3," + hex HMAC-SHA256 over
// `${id}.${timestamp}.${body}`, keyed with the secret string itself (minus any `whsec_` prefix), not base64-decoded.
export function wavespeedHeaders(webhookId: string, body: string, attemptAt: number): Record<string, string> {
  const timestamp = String(Math.floor(attemptAt / 1000));
  const key = WAVESPEED_WEBHOOK_SECRET.replace(/^whsec_/, "");
  const hex = createHmac("sha256", key).update(`${webhookId}.${timestamp}.${body}`).digest("hex");
  return { "webhook-id": webhookId, "webhook-timestamp": timestamp, "webhook-signature": `v3,${hex}` };
}

export interface FalSigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: { kty: string; crv: string; x: string; kid: string; use: string; alg: string };
}

// One ED25519 key per simulator process, published in the JWKS — as fal publishes its webhook keys.
export function createFalSigningKey(): FalSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const exported = publicKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string };
  const kid = createHash("sha256").update(exported.x).digest("hex").slice(0, 16);
  return { kid, privateKey, jwk: { kty: exported.kty, crv: exported.crv, x: exported.x, kid, use: "sig", alg: "EdDSA" } };
}

// fal: hex ED25519 signature over `${request_id}\n${user_id}\n${timestamp}\n${sha256_hex(body)}`.
export function falHeaders(key: FalSigningKey, requestId: string, body: string, attemptAt: number): Record<string, string> {
  const timestamp = String(Math.floor(attemptAt / 1000));
  const bodyHash = createHash("sha256").update(body).digest("hex");
  const message = Buffer.from(`${requestId}\n${FAL_USER_ID}\n${timestamp}\n${bodyHash}`, "utf8");
  return {
    "x-fal-webhook-request-id": requestId,
    "x-fal-webhook-user-id": FAL_USER_ID,
    "x-fal-webhook-timestamp": timestamp,
    "x-fal-webhook-signature": sign(null, message, key.privateKey).toString("hex"),
  };
}
