import { createPublicKey, type KeyObject } from "node:crypto";
import { httpRequest } from "@/lib/providers/http";

// fal publishes its webhook signing keys as a JWKS (providers.md §5.3). Keys are cached (fal: ≤ 24 h); when no
// cached key verifies a delivery the set is fetched again — fal may have rotated — but at most once a minute so
// forged deliveries cannot turn us into a request amplifier.

export type JwksCache = {
  keys(options?: { refresh?: boolean }): Promise<KeyObject[]>;
  /** True when a refresh right now would be allowed (the last fetch is older than the minimum interval). */
  canRefresh(): boolean;
};

export function parseEd25519Jwks(json: unknown): KeyObject[] {
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.flatMap((k: { kty?: unknown; crv?: unknown; x?: unknown }) => {
    if (k?.kty !== "OKP" || k.crv !== "Ed25519" || typeof k.x !== "string") return [];
    try {
      // One implementation notes the live JWKS pads `x` with "="; JWK base64url must not be padded.
      return [createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x.replace(/=+$/, "") }, format: "jwk" })];
    } catch {
      return [];
    }
  });
}

export function createJwksCache(options: { url: string; ttlMs?: number; minRefreshMs?: number; timeoutMs?: number }): JwksCache {
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const minRefreshMs = options.minRefreshMs ?? 60_000;
  let cached: { keys: KeyObject[]; fetchedAt: number } | undefined;
  let inflight: Promise<KeyObject[]> | undefined;

  const fetchKeys = async (): Promise<KeyObject[]> => {
    const response = await httpRequest({ url: options.url, method: "GET", timeoutMs: options.timeoutMs ?? 10_000 });
    const keys = response.status < 300 ? parseEd25519Jwks(response.json) : [];
    if (!keys.length) throw new Error(`JWKS at ${options.url} has no Ed25519 keys (HTTP ${response.status})`);
    cached = { keys, fetchedAt: Date.now() };
    return keys;
  };
  const canRefresh = () => !cached || Date.now() - cached.fetchedAt >= minRefreshMs;

  return {
    canRefresh,
    async keys({ refresh = false } = {}) {
      const fresh = cached && Date.now() - cached.fetchedAt < ttlMs;
      if (cached && fresh && !(refresh && canRefresh())) return cached.keys;
      // Concurrent webhooks share one fetch.
      inflight ??= fetchKeys().finally(() => (inflight = undefined));
      try {
        return await inflight;
      } catch (error) {
        // A stale set beats none while fal's endpoint is unreachable.
        if (cached) return cached.keys;
        throw error;
      }
    },
  };
}
