import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { verifyWaveSpeedWebhook, waveSpeedSignature } from "@/lib/providers/wavespeed/webhook";
import { addWebhookToken } from "@/lib/providers/webhook-token";

// Fixed vector, computed outside this codebase with:
//   printf '%s' "msg_2Lr7dYkq.1767225600.$BODY" | openssl dgst -sha256 -hmac 'sim-wavespeed-webhook-secret'
const BODY = '{"id":"pred_123","model":"kwaivgi/kling-image-v3/text-to-image","outputs":["https://cdn.wavespeed.example/out/1.png"],"status":"completed","error":""}';
const ID = "msg_2Lr7dYkq";
const TS = "1767225600"; // 2026-01-01T00:00:00Z
const HEX = "03fe00c0f99dc4260c35ec401cde941111120754376db443a8b9d9d5e6c406a4";
const SECRET = "sim-wavespeed-webhook-secret";
const TOKEN_SECRET = "token-secret";
const URL_WITH_TOKEN = addWebhookToken({ url: "https://studio.example/api/webhooks/wavespeed", secret: TOKEN_SECRET, correlationId: "gen_01TEST" });
const NOW = new Date((Number(TS) + 10) * 1000);

const verify = (over: { headers?: Record<string, string>; body?: string; now?: Date; secret?: string; url?: string } = {}) =>
  verifyWaveSpeedWebhook(
    {
      headers: over.headers ?? { "webhook-id": ID, "webhook-timestamp": TS, "webhook-signature": `v3,${HEX}` },
      rawBody: over.body ?? BODY,
      url: over.url ?? URL_WITH_TOKEN,
      now: over.now ?? NOW,
    },
    { webhookSecret: over.secret ?? SECRET, tokenSecret: TOKEN_SECRET },
  );

describe("WaveSpeed webhook signature (v3, hex, raw secret)", () => {
  it("computes the openssl vector, with or without the whsec_ prefix", () => {
    expect(waveSpeedSignature({ secret: SECRET, id: ID, timestamp: TS, body: BODY })).toBe(HEX);
    expect(waveSpeedSignature({ secret: `whsec_${SECRET}`, id: ID, timestamp: TS, body: BODY })).toBe(HEX);
  });

  it("accepts the genuine delivery and returns a stable event key", () => {
    const first = verify();
    expect(first).toMatchObject({ ok: true, eventKey: `wavespeed:${ID}`, providerTaskId: "pred_123", correlationId: "gen_01TEST", hintStatus: "succeeded", confirmWithStatus: false });
    // A redelivery (same webhook-id, later attempt) carries the same key, so the caller's unique row drops it.
    const retry = verify({ now: new Date(NOW.getTime() + 60_000) });
    expect(retry.ok && retry.eventKey).toBe(first.ok && first.eventKey);
    expect(verify({ headers: { "Webhook-Id": ID, "Webhook-Timestamp": TS, "Webhook-Signature": `v1,abc v3,${HEX}` } }).ok).toBe(true);
  });

  it("rejects a tampered body, a wrong secret, a stale or future timestamp, missing headers and a bad token", () => {
    expect(verify({ body: BODY.replace("pred_123", "pred_999") })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(verify({ secret: "another-secret" })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(verify({ now: new Date((Number(TS) + 301) * 1000) })).toMatchObject({ ok: false, reason: "stale" });
    expect(verify({ now: new Date((Number(TS) - 301) * 1000) })).toMatchObject({ ok: false, reason: "stale" });
    expect(verify({ now: new Date((Number(TS) + 300) * 1000) }).ok).toBe(true);
    expect(verify({ headers: { "webhook-id": ID, "webhook-timestamp": TS } })).toMatchObject({ ok: false, reason: "missing_headers" });
    expect(verify({ url: "https://studio.example/api/webhooks/wavespeed?cid=gen_01TEST&token=forged" })).toMatchObject({ ok: false, reason: "bad_token" });
    // The timestamp is part of the signed content: moving it invalidates the signature.
    expect(verify({ headers: { "webhook-id": ID, "webhook-timestamp": String(Number(TS) + 5), "webhook-signature": `v3,${HEX}` } })).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("shares Standard Webhooks' HMAC input but not its encoding: the v1/base64 form is a different, rejected thing", () => {
    // standardwebhooks uses base64-decode(secret) as the key. Give it a secret whose decoding is the raw
    // WaveSpeed key, and the MAC bytes agree; only the wire form (v1,base64 vs v3,hex) differs.
    const raw = "test-secret";
    const sw = new Webhook(`whsec_${Buffer.from(raw).toString("base64")}`);
    const v1 = sw.sign(ID, new Date(Number(TS) * 1000), BODY);
    const hex = waveSpeedSignature({ secret: raw, id: ID, timestamp: TS, body: BODY });
    expect(hex).toBe("c79f9c007c8a0efe2ae3c20cfa53c448dfa2f2f181b23149cf5b379e9498c04f"); // openssl, key 'test-secret'
    expect(Buffer.from(v1.slice(3), "base64").toString("hex")).toBe(hex);
    expect(verify({ secret: raw, headers: { "webhook-id": ID, "webhook-timestamp": TS, "webhook-signature": v1 } })).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(verify({ secret: raw, headers: { "webhook-id": ID, "webhook-timestamp": TS, "webhook-signature": `v3,${hex}` } }).ok).toBe(true);

    // And a stock Standard Webhooks verifier refuses a real WaveSpeed delivery (fresh timestamp so only the
    // scheme differs).
    const now = String(Math.floor(Date.now() / 1000));
    const v3 = `v3,${waveSpeedSignature({ secret: raw, id: ID, timestamp: now, body: BODY })}`;
    expect(() => sw.verify(BODY, { "webhook-id": ID, "webhook-timestamp": now, "webhook-signature": v3 })).toThrow();
  });
});
