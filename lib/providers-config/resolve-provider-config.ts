import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ProviderId } from "@/lib/kling/providers";
import type { ProviderConfig } from "@/lib/providers/registry";
import { simulatorUrls } from "@/lib/providers/simulator-urls";
import { decryptSecret } from "@/lib/providers-config/encryption";
import { PROVIDER_SECRET_SCHEMAS, type ProviderSecrets } from "@/lib/providers-config/provider-secrets";
import * as sim from "@/simulator/credentials";

export type ResolvedProvider = {
  config: ProviderConfig;
  /** The team credential used, or null for the server's own keys / the simulator. */
  credentialId: string | null;
  source: "team" | "server" | "simulator";
};

/**
 * Which keys and URLs a team's generation on `provider` uses: the team's own credential, else the server's keys from
 * the environment, else (no keys configured anywhere on the server) the simulator. In simulator mode every provider
 * URL points at the simulator, including for team credentials, so keys can be checked without the outside world.
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
  if (row) {
    const secrets = PROVIDER_SECRET_SCHEMAS[provider].parse(JSON.parse(decryptSecret(row)));
    return { config: buildConfig(provider, secrets as ProviderSecrets[typeof provider]), credentialId: row.id, source: "team" };
  }
  const server = serverSecrets(provider);
  if (server) return { config: buildConfig(provider, server), credentialId: null, source: "server" };
  if (env().SIMULATOR_URL) return { config: buildConfig(provider, simulatorSecrets(provider)), credentialId: null, source: "simulator" };
  throw new AppError("bad_request", `No ${provider} key is configured for this team or this server.`, {
    fields: { provider: `Add a ${provider} key in team settings, or choose another provider.` },
  });
}

export function buildConfig<P extends ProviderId>(provider: P, secrets: ProviderSecrets[P]): ProviderConfig {
  const e = env();
  const urls = e.SIMULATOR_URL ? simulatorUrls(e.SIMULATOR_URL) : null;
  const webhookTokenSecret = webhookTokenKey();
  switch (provider) {
    case "kling":
      return { provider, baseUrl: urls?.kling ?? e.KLING_API_BASE_URL, credentials: secrets as ProviderSecrets["kling"], webhookTokenSecret };
    case "wavespeed":
      return { provider, baseUrl: urls?.wavespeed ?? e.WAVESPEED_API_BASE_URL, credentials: secrets as ProviderSecrets["wavespeed"], webhookTokenSecret };
    case "runware":
      return { provider, baseUrl: urls?.runware ?? e.RUNWARE_API_BASE_URL, credentials: secrets as ProviderSecrets["runware"], webhookTokenSecret };
    case "segmind":
      return { provider, baseUrl: urls?.segmind ?? e.SEGMIND_API_BASE_URL, credentials: secrets as ProviderSecrets["segmind"] };
    default:
      return {
        provider: "fal",
        baseUrl: urls?.fal ?? e.FAL_QUEUE_BASE_URL,
        jwksUrl: urls?.falJwks ?? e.FAL_JWKS_URL,
        credentials: secrets as ProviderSecrets["fal"],
        webhookTokenSecret,
      };
  }
}

/** Signs the per-job tokens in webhook URLs; derived from AUTH_SECRET so there is one secret fewer to manage. */
export function webhookTokenKey(): string {
  return createHmac("sha256", env().AUTH_SECRET).update("webhook-token/v1").digest("hex");
}

function serverSecrets(provider: ProviderId): ProviderSecrets[ProviderId] | null {
  const e = env();
  switch (provider) {
    case "kling":
      return e.KLING_ACCESS_KEY && e.KLING_SECRET_KEY ? { accessKey: e.KLING_ACCESS_KEY, secretKey: e.KLING_SECRET_KEY } : null;
    case "wavespeed":
      return e.WAVESPEED_API_KEY ? { apiKey: e.WAVESPEED_API_KEY, webhookSecret: e.WAVESPEED_WEBHOOK_SECRET } : null;
    case "runware":
      return e.RUNWARE_API_KEY ? { apiKey: e.RUNWARE_API_KEY } : null;
    case "segmind":
      return e.SEGMIND_API_KEY ? { apiKey: e.SEGMIND_API_KEY } : null;
    case "fal":
      return e.FAL_KEY ? { key: e.FAL_KEY } : null;
  }
}

function simulatorSecrets(provider: ProviderId): ProviderSecrets[ProviderId] {
  switch (provider) {
    case "kling":
      return { accessKey: sim.KLING_ACCESS_KEY, secretKey: sim.KLING_SECRET_KEY };
    case "wavespeed":
      return { apiKey: sim.WAVESPEED_API_KEY, webhookSecret: sim.WAVESPEED_WEBHOOK_SECRET };
    case "runware":
      return { apiKey: sim.RUNWARE_API_KEY };
    case "segmind":
      return { apiKey: sim.SEGMIND_API_KEY };
    case "fal":
      return { key: sim.FAL_KEY };
  }
}
