import type { Permission } from "@/lib/auth/permissions";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { requireUserId } from "@/lib/auth/current-user";

/**
 * For server actions: the signed-in person's access to the project named in the form, checked exactly as the API's
 * project routes check it (team membership, role, and a restricted project's named members; else a 404).
 */
export async function sessionProjectAccess(options: { projectId: string; permission: Permission }) {
  const userId = await requireUserId();
  return getProjectOrThrow({ caller: { kind: "user", userId }, projectId: options.projectId, permission: options.permission });
}
