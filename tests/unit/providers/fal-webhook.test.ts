import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { startFakeServer } from "./fake-server";
import { createJwksCache } from "@/lib/providers/fal/jwks";
import { verifyFalWebhook } from "@/lib/providers/fal/webhook";
import type { WebhookRequest } from "@/lib/providers/types";
import { addWebhookToken } from "@/lib/providers/webhook-token";

// Independent of the adapter's code: keys from node:crypto, published as a JWKS by a local server, deliveries
// signed per fal's documented message `request_id \n user_id \n timestamp \n sha256_hex(body)`.
const keyA = generateKeyPairSync("ed25519");
const keyB = generateKeyPairSync("ed25519");
const stranger = generateKeyPairSync("ed25519");
const jwk = (publicKey: KeyObject, pad = false) => {
  const { x } = publicKey.export({ format: "jwk" }) as { x: string };
  return { kty: "OKP", crv: "Ed25519", kid: "k", x: pad ? `${x}=` : x };
};
let published: object[] = [jwk(keyA.publicKey)];
const jwksServer = await startFakeServer(() => ({ json: { keys: published } }));
const JWKS_URL = `${jwksServer.url}/fal/rest/.well-known/jwks.json`;

const TOKEN_SECRET = "token-secret";
const URL_WITH_TOKEN = addWebhookToken({ url: "https://studio.example/api/webhooks/fal", secret: TOKEN_SECRET, correlationId: "gen_01FAL" });
const BODY = JSON.stringify({ request_id: "req-42", gateway_request_id: "req-42", status: "OK", payload: { images: [{ url: "https://v3.fal.media/files/a.png" }] } });
const NOW = new Date("2026-01-01T00:00:00Z");
const TS = String(NOW.getTime() / 1000);

function delivery(privateKey: KeyObject, over: { body?: string; ts?: string; signedBody?: string } = {}) {
  const ts = over.ts ?? TS;
  const digest = createHash("sha256").update(over.signedBody ?? over.body ?? BODY).digest("hex");
  const signature = sign(null, Buffer.from(`req-42\nuser-7\n${ts}\n${digest}`), privateKey).toString("hex");
  return {
    headers: { "X-Fal-Webhook-Request-Id": "req-42", "X-Fal-Webhook-User-Id": "user-7", "X-Fal-Webhook-Timestamp": ts, "X-Fal-Webhook-Signature": signature },
    rawBody: over.body ?? BODY,
    url: URL_WITH_TOKEN,
    now: NOW,
  };
}

describe("fal webhook verification (ED25519 over JWKS)", () => {
  const jwks = createJwksCache({ url: JWKS_URL, minRefreshMs: 0 });
  const verify = (req: WebhookRequest, cache = jwks) => verifyFalWebhook(req, { jwks: cache, tokenSecret: TOKEN_SECRET });
  beforeAll(() => { published = [jwk(keyA.publicKey)]; });
  afterAll(() => jwksServer.close());

  it("accepts a genuine delivery, with a stable event key across redeliveries", async () => {
    const first = await verify(delivery(keyA.privateKey));
    expect(first).toMatchObject({ ok: true, eventKey: "fal:req-42", providerTaskId: "req-42", correlationId: "gen_01FAL", hintStatus: "succeeded", confirmWithStatus: false });
    const again = await verify(delivery(keyA.privateKey, { ts: String(Number(TS) + 120) }));
    expect(again.ok && again.eventKey).toBe("fal:req-42");
  });

  it("rejects tampering, a stranger's key, staleness and a bad token", async () => {
    expect(await verify(delivery(keyA.privateKey, { body: BODY.replace("a.png", "evil.png"), signedBody: BODY }))).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verify(delivery(stranger.privateKey))).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(await verify(delivery(keyA.privateKey, { ts: String(Number(TS) - 301) }))).toMatchObject({ ok: false, reason: "stale" });
    expect(await verify(delivery(keyA.privateKey, { ts: String(Number(TS) + 301) }))).toMatchObject({ ok: false, reason: "stale" });
    const noHeaders = { ...delivery(keyA.privateKey), headers: {} };
    expect(await verify(noHeaders)).toMatchObject({ ok: false, reason: "missing_headers" });
    expect(await verify({ ...delivery(keyA.privateKey), url: "https://studio.example/api/webhooks/fal" })).toMatchObject({ ok: false, reason: "bad_token" });
  });

  it("fetches the JWKS once and reuses it", async () => {
    const before = jwksServer.requests.length;
    const cache = createJwksCache({ url: JWKS_URL });
    for (let i = 0; i < 3; i++) expect((await verify(delivery(keyA.privateKey), cache)).ok).toBe(true);
    expect(jwksServer.requests.length - before).toBe(1);
  });

  it("picks up a rotated key (refetch on miss) and tolerates padded x", async () => {
    published = [jwk(keyA.publicKey), jwk(keyB.publicKey, true)];
    expect((await verify(delivery(keyB.privateKey))).ok).toBe(true);
  });

  it("refetches at most once a minute when nothing verifies", async () => {
    const cache = createJwksCache({ url: JWKS_URL });
    await verify(delivery(keyA.privateKey), cache);
    const before = jwksServer.requests.length;
    for (let i = 0; i < 3; i++) expect(await verify(delivery(stranger.privateKey), cache)).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(jwksServer.requests.length).toBe(before);
  });

  it("says keys_unavailable (ask fal to redeliver) when the JWKS cannot be fetched", async () => {
    const cache = createJwksCache({ url: "http://127.0.0.1:1/.well-known/jwks.json", timeoutMs: 1000 });
    expect(await verify(delivery(keyA.privateKey), cache)).toMatchObject({ ok: false, reason: "keys_unavailable" });
  });
});
