import type { ApiKeyAccess, MemberRole } from "@/lib/generated/prisma/enums";

// Who is making a request. Session callers act with their membership's role; API keys act for one team with the
// access they were created with, capped by what their creator may do now (`creatorRole`, read with the key on every
// request: lib/api-keys/authenticate-api-key.ts).
export type Caller =
  | { kind: "user"; userId: string }
  | {
      kind: "apiKey";
      keyId: string;
      teamId: string;
      access: ApiKeyAccess;
      projectIds: string[];
      /** Opt-in powers beyond `access` (lib/api-keys/api-key-scopes.ts). */
      scopes: string[];
      createdById: string | null;
      /** The creator's current role in the key's team (a key whose creator left the team is not usable at all). */
      creatorRole: MemberRole;
    };
