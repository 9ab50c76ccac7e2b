import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getAssetOrThrow } from "@/lib/assets/get-assets-or-throw";
import { getAssetDetail } from "@/lib/assets/get-asset-detail";
import { assetNeighbours } from "@/lib/assets/asset-neighbours";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";

export type AssetDetail = Awaited<ReturnType<typeof getAssetDetail>>;

// The gallery's filters ride along on the detail URL (the gallery links tiles with its own search params), so the
// arrow keys walk the same filtered, sorted sequence the user was looking at.
const galleryFilters = listAssetsQuery.omit({ cursor: true, limit: true });

/** What the image detail (page or modal) shows, read as the signed-in user; a miss or another project's asset is a 404. */
export async function loadAssetDetail(options: { projectId: string; assetId: string; searchParams: Record<string, string | string[] | undefined> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { asset, access } = await getAssetOrThrow({ caller: { kind: "user", userId: user.id }, assetId: options.assetId, permission: "project.read" }).catch(
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
      throw error;
    },
  );
  if (asset.projectId !== options.projectId) notFound();
  const flat = Object.fromEntries(Object.entries(options.searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const parsed = galleryFilters.safeParse(flat);
  const query = parsed.success ? parsed.data : galleryFilters.parse({});
  const filters = new URLSearchParams();
  if (parsed.success) for (const key of Object.keys(galleryFilters.shape)) if (flat[key] !== undefined) filters.set(key, flat[key]);
  const [detail, neighbours] = await Promise.all([getAssetDetail(asset), assetNeighbours({ asset, teamId: access.teamId, query })]);
  return {
    detail,
    neighbours,
    filters: filters.toString(),
    canEdit: can(access.role, "asset.edit"),
    canGenerate: can(access.role, "generation.create"),
  };
}
export type LoadedAssetDetail = Awaited<ReturnType<typeof loadAssetDetail>>;
