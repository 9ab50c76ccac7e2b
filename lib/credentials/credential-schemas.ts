import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/kling/providers";

export const providerParam = z.enum(PROVIDER_IDS, "Unknown provider.");

// What the browser and API clients may learn about a stored key: never the key itself, only its last 4 characters
// and when it was last checked.
export const credentialStatusDto = z.object({
  provider: z.enum(PROVIDER_IDS),
  label: z.string(),
  source: z.enum(["team", "server", "simulator", "none"]),
  last4: z.string().nullable(),
  checkedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  isDefault: z.boolean(),
});
export type CredentialStatusDto = z.infer<typeof credentialStatusDto>;
