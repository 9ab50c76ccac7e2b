import { db } from "@/lib/db";
import type { ProviderId } from "@/lib/kling/providers";
import { cachedAdapter } from "@/lib/providers-config/cached-adapter";

/**
 * The provider adapter a team's jobs use, for callers that hold only the team (sync, cancel). Reads the team's
 * credential row and goes through the one adapter cache (lib/providers-config/cached-adapter.ts), keyed by that
 * row's content, so a saved or rotated key applies at once; webhook intake and the submit job read the row in
 * their own queries and call the cache directly.
 */
export async function adapterForTeam(options: { teamId: string; provider: ProviderId }) {
  const { teamId, provider } = options;
  const credential = await db.providerCredential.findUnique({
    where: { teamId_provider: { teamId, provider } },
    select: { id: true, encrypted: true, keyVersion: true },
  });
  return { adapter: cachedAdapter({ teamId, provider, credential }) };
}
