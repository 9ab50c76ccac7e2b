import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { getAssetsOrThrow } from "@/lib/assets/get-assets-or-throw";
import { getAssetDetail } from "@/lib/assets/get-asset-detail";

export const COMPARE_MAX = 4;

const hide = (error: unknown): never => {
  if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
  throw error;
};

/**
 * The 2–4 assets of `?ids=a,b,c` with their recipes, read as the signed-in user. The project is checked first (so a
 * compare URL without ids still answers 404 to an outsider), then every id must be in that project.
 */
export async function loadCompare(options: { projectId: string; ids: string | string[] | undefined }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const caller = { kind: "user" as const, userId: user.id };
  const { project } = await getProjectOrThrow({ caller, projectId: options.projectId, permission: "project.read" }).catch(hide);
  const raw = Array.isArray(options.ids) ? options.ids.join(",") : (options.ids ?? "");
  const ids = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))].slice(0, COMPARE_MAX);
  if (ids.length === 0) return { project: { id: project.id, name: project.name }, details: [] };
  const { assets } = await getAssetsOrThrow({ caller, assetIds: ids, permission: "project.read", projectId: project.id }).catch(hide);
  return { project: { id: project.id, name: project.name }, details: await Promise.all(assets.map((a) => getAssetDetail(a))) };
}
