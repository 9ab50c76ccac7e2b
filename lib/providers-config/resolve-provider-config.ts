import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/kling/providers";
import type { ProviderConfig } from "@/lib/providers/registry";
import { decryptSecret } from "@/lib/credentials/encryption";
import { PROVIDER_SECRET_SCHEMAS, type ProviderSecrets } from "@/lib/credentials/provider-secrets";
import { buildConfig } from "@/lib/credentials/build-config";
import { providerRoute, serverSecrets } from "@/lib/providers-config/provider-route";

export type ResolvedProvider = {
  config: ProviderConfig;
  /** The team credential used, or null for the server's own keys (which may be the simulator's). */
  credentialId: string | null;
  source: "team" | "server" | "simulator";
};

/**
 * Which keys and URLs a team's generation on `provider` uses, as decided by providerRoute (provider-route.ts): the
 * team's own credential, else the server's keys from the environment. The URLs always come from the environment: the
 * stack that runs the simulator hands in its URLs and keys (simulator/studio-env.ts), so team keys are checked against
 * it too, without the outside world.
 */
export async function resolveProviderConfig(options: { teamId: string; provider: ProviderId }): Promise<ResolvedProvider> {
  const { teamId, provider } = options;
  const row = await db.providerCredential.findUnique({ where: { teamId_provider: { teamId, provider } } });
  return configFromCredential({ provider, row });
}

/**
 * The same resolution from an already-loaded credential row (or null when the team has none), for callers that
 * fetch the row in their own query (webhook intake loads it together with the generation).
 */
export function configFromCredential(options: {
  provider: ProviderId;
  row: { id: string; encrypted: string; keyVersion: number } | null;
}): ResolvedProvider {
  const { provider, row } = options;
  const route = providerRoute({ provider, hasTeamCredential: row !== null });
  if (route === "team" && row) {
    const secrets = PROVIDER_SECRET_SCHEMAS[provider].parse(JSON.parse(decryptSecret(row)));
    return { config: buildConfig(provider, secrets as ProviderSecrets[typeof provider]), credentialId: row.id, source: "team" };
  }
  const server = serverSecrets(provider);
  if (server && route !== "none") return { config: buildConfig(provider, server), credentialId: null, source: route === "simulator" ? "simulator" : "server" };
  throw new AppError("bad_request", `No ${provider} key is configured for this team or this server.`, {
    fields: { provider: `Add a ${provider} key in team settings, or choose another provider.` },
  });
}
