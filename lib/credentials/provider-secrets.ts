import { z } from "zod";
import type { ProviderId } from "@/lib/kling/providers";

// The key material each provider needs, as stored (encrypted, as JSON) in ProviderCredential.encrypted.
export const PROVIDER_SECRET_SCHEMAS = {
  kling: z.object({ accessKey: z.string().min(1, "Enter the access key."), secretKey: z.string().min(1, "Enter the secret key.") }),
  wavespeed: z.object({ apiKey: z.string().min(1, "Enter the API key."), webhookSecret: z.string().optional() }),
  runware: z.object({ apiKey: z.string().min(1, "Enter the API key.") }),
  segmind: z.object({ apiKey: z.string().min(1, "Enter the API key.") }),
  fal: z.object({ key: z.string().regex(/^[^:\s]+:[^:\s]+$/, "fal keys look like key_id:key_secret.") }),
} satisfies Record<ProviderId, z.ZodType>;

export type ProviderSecrets = { [P in ProviderId]: z.infer<(typeof PROVIDER_SECRET_SCHEMAS)[P]> };

/** The part of a secret shown back in the UI: its last 4 characters. */
export function secretLast4(provider: ProviderId, secrets: ProviderSecrets[ProviderId]): string {
  const main = provider === "kling" ? (secrets as ProviderSecrets["kling"]).accessKey
    : provider === "fal" ? (secrets as ProviderSecrets["fal"]).key
    : (secrets as { apiKey: string }).apiKey;
  return main.slice(-4);
}
