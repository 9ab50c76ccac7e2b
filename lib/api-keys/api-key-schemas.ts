import { z } from "zod";
import type { ApiKey } from "@/lib/generated/prisma/client";
import { API_KEY_SCOPES } from "@/lib/api-keys/api-key-scopes";

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(1, "Name the key after what uses it.").max(80, "Keep the name under 80 characters."),
    access: z.enum(["read", "read_write"], "Choose read-only or read-write."),
    // Empty means every project of the team, now and later.
    projectIds: z.array(z.string().min(1)).max(100).default([]),
    // Opt-in powers beyond the access level: reading spend, setting budgets and caps, setting spend alerts
    // (lib/api-keys/api-key-scopes.ts).
    scopes: z.array(z.enum(API_KEY_SCOPES, "Unknown scope.")).max(API_KEY_SCOPES.length).default([]),
  })
  .refine((input) => !input.scopes.includes("budgets:write") || input.access === "read_write", {
    message: "Setting budgets is a write: give the key read-write access.",
    path: ["scopes"],
  })
  .refine((input) => !input.scopes.includes("alerts:write") || input.access === "read_write", {
    message: "Setting spend alerts is a write: give the key read-write access.",
    path: ["scopes"],
  });
// Callers in code may leave the scopes out (none); requests are parsed, so theirs are always there.
export type CreateApiKeyInput = Omit<z.infer<typeof createApiKeyInput>, "scopes"> & { scopes?: z.infer<typeof createApiKeyInput>["scopes"] };

// The DTO never includes the hash; the key itself is returned once, by createApiKey, beside this.
export const apiKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  access: z.enum(["read", "read_write"]),
  projectIds: z.array(z.string()),
  scopes: z.array(z.string()),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ApiKeyDto = z.infer<typeof apiKeyDto>;

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return apiKeyDto.parse({
    ...key,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  });
}
