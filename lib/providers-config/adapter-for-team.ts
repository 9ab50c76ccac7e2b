import type { ProviderId } from "@/lib/kling/providers";
import { createProviderAdapter } from "@/lib/providers/registry";
import type { ProviderAdapter } from "@/lib/providers/types";
import { resolveProviderConfig, type ResolvedProvider } from "@/lib/providers-config/resolve-provider-config";

// Adapters are cheap to build, but fal's holds the cached JWKS: reuse one per credential for a few minutes, so a
// burst of webhooks doesn't refetch keys, while a changed or deleted credential is picked up soon after.
const TTL_MS = 5 * 60_000;
const cache = new Map<string, { adapter: ProviderAdapter; resolved: ResolvedProvider; at: number }>();

export async function adapterForTeam(options: { teamId: string; provider: ProviderId }) {
  const resolved = await resolveProviderConfig(options);
  const key = `${options.provider}:${resolved.credentialId ?? resolved.source}:${JSON.stringify(resolved.config)}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return { adapter: hit.adapter, resolved };
  const adapter = createProviderAdapter(resolved.config);
  cache.set(key, { adapter, resolved, at: Date.now() });
  return { adapter, resolved };
}
