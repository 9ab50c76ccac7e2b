import type { ApiKeyAccess } from "@/lib/generated/prisma/enums";

// Who is making a request. Session callers act with their membership's role; API keys act for one team with the
// access they were created with.
export type Caller =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; keyId: string; teamId: string; access: ApiKeyAccess; projectIds: string[]; createdById: string | null };
