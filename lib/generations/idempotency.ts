import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/http/caller";

// As Stripe: a key is at most 255 characters. What is stored is a digest anyway (fixed length, so no key can overflow
// the unique index's row size), but a longer key is a client bug worth naming.
export const MAX_IDEMPOTENCY_KEY_CHARS = 255;

export type Idempotency = { storedKey: string; requestHash: string };

/**
 * What an Idempotency-Key header is stored as: a digest of the caller and the key, so one caller's key never replays
 * another caller's generation (keys are scoped per API key or per user, within the project's unique index), and a
 * digest of the request, so a key sent again with a different request is refused (`assertSameRequest`) instead of
 * silently answered with the first result. Null without a key.
 */
export function idempotencyOf(options: { caller: Caller; key: string | null | undefined; request: unknown }): Idempotency | null {
  const { caller, key } = options;
  if (key === null || key === undefined) return null;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_CHARS) {
    throw new AppError("bad_request", `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} characters.`);
  }
  const scope = caller.kind === "apiKey" ? `key:${caller.keyId}` : `user:${caller.userId}`;
  return { storedKey: sha256(`${scope}\n${key}`), requestHash: sha256(canonicalJson(options.request)) };
}

/** A replay is only a replay of the same request. */
export function assertSameRequest(idempotency: Idempotency, storedHash: string | null) {
  if (storedHash !== idempotency.requestHash) {
    throw new AppError("validation_failed", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
}

function sha256(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

// Object keys sorted, so the same request sent with its fields in another order is still the same request.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
