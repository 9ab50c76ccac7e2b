import { requireUserId } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";

/**
 * For server actions: the signed-in person's access to the team named in the form. Actions take the team id
 * explicitly (never from the team cookie) so that what they act on is what was checked, exactly like the API routes.
 */
export async function sessionTeamAccess(options: { teamId: string; permission: Permission }) {
  const userId = await requireUserId();
  return resolveTeamAccess({ caller: { kind: "user", userId }, teamId: options.teamId, permission: options.permission });
}
