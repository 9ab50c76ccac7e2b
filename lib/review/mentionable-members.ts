import { db } from "@/lib/db";

/**
 * The team's members who can read a project, by lower-cased email: who a comment there may mention (and so notify).
 * A restricted project reaches only owners, admins and the members named on it, so a mention never tells someone
 * about an image they cannot open.
 */
export async function mentionableMembers(options: { teamId: string; projectId: string }) {
  const project = await db.project.findUniqueOrThrow({
    where: { id: options.projectId },
    select: { restricted: true, members: { select: { userId: true } } },
  });
  const named = new Set(project.members.map((m) => m.userId));
  const memberships = await db.membership.findMany({
    where: { teamId: options.teamId },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
  });
  return memberships
    .filter((m) => !project.restricted || m.role === "owner" || m.role === "admin" || named.has(m.user.id))
    .map((m) => ({ id: m.user.id, email: m.user.email.toLowerCase(), name: m.user.name }));
}
