import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/http/caller";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { scopeGrants } from "@/lib/api-keys/api-key-scopes";

export type TeamAccess = { teamId: string; role: MemberRole; caller: Caller; actorUserId: string | null };

// API keys act with the powers of an editor (read_write) or a viewer (read), never an admin's, and never more than
// their creator's current role (a read-write key of an admin since demoted to viewer reads only).
const KEY_ROLE = { read: "viewer", read_write: "editor" } as const;
const RANK: Record<MemberRole, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

function weaker(a: MemberRole, b: MemberRole): MemberRole {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * The caller's access to a team, or a 404 when they are not part of it (not a 403: another team's ids must not be
 * confirmable by probing). A member without the permission gets a 403.
 */
export async function resolveTeamAccess(options: { caller: Caller; teamId: string; permission: Permission }) {
  const { caller, teamId, permission } = options;
  let access: TeamAccess;
  if (caller.kind === "apiKey") {
    if (caller.teamId !== teamId) throw new AppError("not_found", "Team not found.");
    access = { teamId, role: weaker(KEY_ROLE[caller.access], caller.creatorRole), caller, actorUserId: caller.createdById };
  } else {
    const membership = await db.membership.findUnique({
      where: { teamId_userId: { teamId, userId: caller.userId } },
      select: { role: true },
    });
    if (!membership) throw new AppError("not_found", "Team not found.");
    access = { teamId, role: membership.role, caller, actorUserId: caller.userId };
  }
  if (!can(access.role, permission) && !teamWideScope(caller, permission)) {
    throw new AppError("forbidden", "Your role in this team does not allow that.");
  }
  return access;
}

// A scope reaches team-wide routes (the team's spend, its caps) only on a key for every project: a key limited to some
// projects would otherwise read or limit the others' spend. It uses those projects' own routes instead.
function teamWideScope(caller: Caller, permission: Permission) {
  return scopeGrants(caller, permission) && caller.kind === "apiKey" && caller.projectIds.length === 0;
}
