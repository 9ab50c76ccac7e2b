import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import type { CredentialStatusDto } from "@/lib/credentials/credential-schemas";

/**
 * For each provider, whose key a generation would use — mirroring resolveProviderConfig's order: the team's own,
 * else the server's, else the simulator — with only the last 4 characters of a team key.
 */
export async function listProviderCredentials(options: { teamId: string }): Promise<CredentialStatusDto[]> {
  const [rows, team] = await Promise.all([
    db.providerCredential.findMany({ where: { teamId: options.teamId }, select: { provider: true, last4: true, checkedAt: true, updatedAt: true } }),
    db.team.findUnique({ where: { id: options.teamId }, select: { defaultProvider: true } }),
  ]);
  const e = env();
  const server: Record<ProviderId, boolean> = {
    kling: Boolean(e.KLING_ACCESS_KEY && e.KLING_SECRET_KEY),
    wavespeed: Boolean(e.WAVESPEED_API_KEY),
    runware: Boolean(e.RUNWARE_API_KEY),
    segmind: Boolean(e.SEGMIND_API_KEY),
    fal: Boolean(e.FAL_KEY),
  };
  return PROVIDER_IDS.map((provider) => {
    const row = rows.find((r) => r.provider === provider);
    // Server keys with SIMULATOR_URL set are the simulator's, handed in by the stack that runs it.
    const source = row ? "team" : server[provider] ? (e.SIMULATOR_URL ? "simulator" : "server") : "none";
    return {
      provider,
      label: PROVIDER_LABELS[provider],
      source,
      last4: row?.last4 ?? null,
      checkedAt: row?.checkedAt?.toISOString() ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      isDefault: team?.defaultProvider === provider,
    };
  });
}
