import { db } from "@/lib/db";
import type { MemberDto } from "@/lib/teams/team-schemas";

/** The team's members, owners first, then by when they joined. */
export async function listMembers(options: { teamId: string }): Promise<MemberDto[]> {
  const rows = await db.membership.findMany({
    where: { teamId: options.teamId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const rank = { owner: 0, admin: 1, editor: 2, viewer: 3 } as const;
  return rows
    .map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt.toISOString() }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}
