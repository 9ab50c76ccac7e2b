import { createHmac, timingSafeEqual } from "node:crypto";

// The webhook signature, in the scheme Stripe and Standard Webhooks use:
//   X-Studio-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// The receiver recomputes the HMAC over the timestamp, a dot and the exact bytes it received, compares in constant
// time, and rejects timestamps older than a few minutes (replays). Signing the timestamp with the body is what makes
// an old delivery unusable later. README.md ("Spend alerts") documents it for receivers.

export const SIGNATURE_HEADER = "X-Studio-Signature";

export function signWebhook(options: { secret: string; timestamp: number; body: string | Buffer }) {
  const mac = createHmac("sha256", options.secret).update(`${options.timestamp}.`).update(options.body).digest("hex");
  return `t=${options.timestamp},v1=${mac}`;
}

/** For receivers written in TypeScript (and our own tests' reference): true when the header signs this body. */
export function verifyWebhookSignature(options: { secret: string; header: string; body: string | Buffer; toleranceSeconds?: number; now?: number }) {
  const parts = new Map(options.header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook({ secret: options.secret, timestamp: t, body: options.body }).split("v1=")[1]!, "hex");
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
