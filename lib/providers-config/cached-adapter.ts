import type { ProviderId } from "@/lib/kling/providers";
import { createProviderAdapter } from "@/lib/providers/registry";
import type { ProviderAdapter } from "@/lib/providers/types";
import { configFromCredential } from "@/lib/providers-config/resolve-provider-config";
import { timedAdapter } from "@/lib/observability/timed-adapter";

export type CredentialRow = { id: string; encrypted: string; keyVersion: number };

// Decrypting and parsing a team's credential and building its adapter cost more CPU than verifying a webhook delivery
// or than the rest of a submit job, so the result is cached per team + provider (never shared across teams). The
// entry is keyed by the credential row's exact content: webhook intake and the submit job read the row (id, key
// version, ciphertext — fresh IV on every save) in the same query as the generation, so a saved, rotated or deleted
// credential applies to the very next use, with no TTL to wait out. Reusing the adapter also keeps fal's fetched JWKS.
// Without a row the config comes from the environment, which is fixed for the life of the process.
const MAX_ENTRIES = 5_000;
const cache = new Map<string, { version: string; adapter: ProviderAdapter }>();

export function cachedAdapter(options: { teamId: string; provider: ProviderId; credential: CredentialRow | null }): ProviderAdapter {
  const { teamId, provider, credential } = options;
  const key = `${teamId}:${provider}`;
  const version = credential ? `${credential.id}:${credential.keyVersion}:${credential.encrypted}` : "environment";
  const hit = cache.get(key);
  if (hit?.version === version) return hit.adapter;
  const adapter = timedAdapter(createProviderAdapter(configFromCredential({ provider, row: credential }).config));
  // Oldest-first eviction (Map keeps insertion order) bounds memory when many teams receive webhooks.
  if (!hit && cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { version, adapter });
  return adapter;
}
