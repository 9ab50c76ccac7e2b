import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow, loadProject } from "@/lib/projects/get-project-or-throw";

/**
 * For a project's pages (the project itself, review, collections, settings, spend): the signed-in person, the project and their access to it; signed out
 * goes to sign-in, and a project they can't see is the styled 404, never a 403 that confirms it exists.
 */
export async function projectPageAccess(projectId: string) {
  // The row is read while the session is (one round trip off every project page's first byte): getProjectOrThrow
  // checks access before anything of it is used.
  const loading = loadProject(projectId);
  loading.catch(() => undefined); // a sign-in redirect leaves it unawaited: its error is getProjectOrThrow's to raise
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const loaded = await getProjectOrThrow({ caller: { kind: "user", userId: user.id }, projectId, permission: "project.read", loading }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  return { user, ...loaded };
}
