import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

/**
 * For a project's pages (the project itself, review, collections, settings, spend): the signed-in person, the project and their access to it; signed out
 * goes to sign-in, and a project they can't see is the styled 404, never a 403 that confirms it exists.
 */
export async function projectPageAccess(projectId: string) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const loaded = await getProjectOrThrow({ caller: { kind: "user", userId: user.id }, projectId, permission: "project.read" }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  return { user, ...loaded };
}
