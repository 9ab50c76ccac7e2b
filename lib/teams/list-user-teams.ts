import { db } from "@/lib/db";

export async function listUserTeams(options: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: options.userId },
    include: { team: { select: { id: true, name: true, slug: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ ...m.team, role: m.role }));
}
