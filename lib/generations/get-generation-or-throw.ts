import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/http/caller";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

/** A generation the caller may act on; its project decides access, and anything else is the same 404. */
export async function getGenerationOrThrow(options: { caller: Caller; generationId: string; permission: Permission }) {
  const generation = await db.generation.findUnique({
    where: { id: options.generationId },
    include: { outputs: { include: { asset: true }, orderBy: { index: "asc" } } },
  });
  if (!generation) throw new AppError("not_found", "Generation not found.");
  const { access, project } = await getProjectOrThrow({ caller: options.caller, projectId: generation.projectId, permission: options.permission }).catch(
    (error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "Generation not found.") : error;
    },
  );
  return { generation, access, project };
}
