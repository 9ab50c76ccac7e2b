import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

/** The collections pages' project and the signed-in person's access to it; a project they can't see is a 404. */
export async function loadProject(projectId: string) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const loaded = await getProjectOrThrow({ caller: { kind: "user", userId: user.id }, projectId, permission: "project.read" }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  return { user, ...loaded };
}
