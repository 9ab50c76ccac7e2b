import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import type { ProviderId } from "@/lib/kling/providers";
import type { ProviderConfig } from "@/lib/providers/registry";
import type { ProviderSecrets } from "@/lib/credentials/provider-secrets";

// A set of keys as the adapter config they make, with the deployment's URLs: used by the resolution of a team's
// config (lib/providers-config) and by the key check before a key is stored (check-provider-credential.ts).
export function buildConfig<P extends ProviderId>(provider: P, secrets: ProviderSecrets[P]): ProviderConfig {
  const e = env();
  const webhookTokenSecret = webhookTokenKey();
  switch (provider) {
    case "kling":
      return { provider, baseUrl: e.KLING_API_BASE_URL, credentials: secrets as ProviderSecrets["kling"], webhookTokenSecret };
    case "wavespeed":
      return { provider, baseUrl: e.WAVESPEED_API_BASE_URL, credentials: secrets as ProviderSecrets["wavespeed"], webhookTokenSecret };
    case "runware":
      return { provider, baseUrl: e.RUNWARE_API_BASE_URL, credentials: secrets as ProviderSecrets["runware"], webhookTokenSecret };
    case "segmind":
      return { provider, baseUrl: e.SEGMIND_API_BASE_URL, credentials: secrets as ProviderSecrets["segmind"] };
    default:
      return {
        provider: "fal",
        baseUrl: e.FAL_QUEUE_BASE_URL,
        jwksUrl: e.FAL_JWKS_URL,
        credentials: secrets as ProviderSecrets["fal"],
        webhookTokenSecret,
      };
  }
}

/** Signs the per-job tokens in webhook URLs; derived from AUTH_SECRET so there is one secret fewer to manage. */
export function webhookTokenKey(): string {
  return createHmac("sha256", env().AUTH_SECRET).update("webhook-token/v1").digest("hex");
}
