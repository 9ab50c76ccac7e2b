import { db } from "@/lib/db";
import type { ProjectMemberDto } from "@/lib/projects/project-settings-schemas";

/** The people named on a project (what lets a non-admin see it once it is restricted). */
export async function listProjectMembers(options: { projectId: string }): Promise<ProjectMemberDto[]> {
  const rows = await db.projectMember.findMany({
    where: { projectId: options.projectId },
    include: { user: { select: { email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ userId: r.userId, email: r.user.email, name: r.user.name, addedAt: r.createdAt.toISOString() }));
}
