import { db } from "@/lib/db";
import { PROVIDER_IDS, PROVIDER_LABELS } from "@/lib/kling/providers";
import { providerRoute } from "@/lib/providers-config/provider-route";
import type { CredentialStatusDto } from "@/lib/credentials/credential-schemas";

/**
 * For each provider, whose key a generation would use (providerRoute, the same answer resolveProviderConfig acts on),
 * with only the last 4 characters of a team key.
 */
export async function listProviderCredentials(options: { teamId: string }): Promise<CredentialStatusDto[]> {
  const [rows, team] = await Promise.all([
    db.providerCredential.findMany({ where: { teamId: options.teamId }, select: { provider: true, last4: true, checkedAt: true, updatedAt: true } }),
    db.team.findUnique({ where: { id: options.teamId }, select: { defaultProvider: true } }),
  ]);
  return PROVIDER_IDS.map((provider) => {
    const row = rows.find((r) => r.provider === provider);
    const source = providerRoute({ provider, hasTeamCredential: Boolean(row) });
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
