import type { TeamAccess } from "@/lib/teams/resolve-team-access";

/** Who to name in an audit event: the person, and the API key when a key made the call on their behalf. */
export function actorOf(access: TeamAccess): { actorUserId: string | null; actorKeyId: string | null } {
  return {
    actorUserId: access.actorUserId,
    actorKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
  };
}
