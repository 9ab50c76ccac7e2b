import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";

/** The access a signed-in member has, for tests that call domain functions directly (bulk submissions). */
export function accessFor(userId: string, teamId: string) {
  return resolveTeamAccess({ caller: { kind: "user", userId }, teamId, permission: "generation.create" });
}
