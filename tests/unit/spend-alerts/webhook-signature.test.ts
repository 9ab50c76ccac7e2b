import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "@/lib/spend-alerts/webhook-signature";

describe("webhook signature", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ text: "80% of the team's monthly limit reached" });

  it("is t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>, as a receiver recomputes it by hand", () => {
    const header = signWebhook({ secret, timestamp: 1_765_130_000, body });
    const mac = createHmac("sha256", secret).update(`1765130000.${body}`).digest("hex");
    expect(header).toBe(`t=1765130000,v1=${mac}`);
  });

  it("verifies the exact body within five minutes, and nothing else", () => {
    const now = 1_765_130_000;
    const header = signWebhook({ secret, timestamp: now, body });
    expect(verifyWebhookSignature({ secret, header, body, now: now + 60 })).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body: `${body} `, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_other", header, body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: now + 301 })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: header.replace("t=1765130000", "t=1765130001"), body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: "garbage", body, now })).toBe(false);
  });
});
