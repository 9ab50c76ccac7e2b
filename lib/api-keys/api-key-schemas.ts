import { z } from "zod";
import type { ApiKey } from "@/lib/generated/prisma/client";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it.").max(80, "Keep the name under 80 characters."),
  access: z.enum(["read", "read_write"], "Choose read-only or read-write."),
  // Empty means every project of the team, now and later.
  projectIds: z.array(z.string().min(1)).max(100).default([]),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

// The DTO never includes the hash; the key itself is returned once, by createApiKey, beside this.
export const apiKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  access: z.enum(["read", "read_write"]),
  projectIds: z.array(z.string()),
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
