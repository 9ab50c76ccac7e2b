import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/http/caller";
import type { Asset } from "@/lib/generated/prisma/client";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

/**
 * Assets the caller may act on, in the order asked. Each distinct project of the set is checked the way a project
 * route is (team, role, restricted project, key scope); an unknown id, another team's asset or one in a project the
 * caller can't see makes the whole request the same 404, so nothing is half-applied and nothing confirms an id exists.
 * `projectId`, when given, must hold every asset (bulk routes are addressed to a project).
 */
export async function getAssetsOrThrow(options: { caller: Caller; assetIds: string[]; permission: Permission; projectId?: string }) {
  const wanted = [...new Set(options.assetIds)];
  const assets = await db.asset.findMany({ where: { id: { in: wanted } } });
  const notFound = () => new AppError("not_found", wanted.length === 1 ? "Asset not found." : "One or more assets were not found.");
  if (assets.length !== wanted.length) throw notFound();
  if (options.projectId && assets.some((a) => a.projectId !== options.projectId)) throw notFound();
  const projectIds = [...new Set(assets.map((a) => a.projectId))];
  let access;
  for (const projectId of projectIds) {
    ({ access } = await getProjectOrThrow({ caller: options.caller, projectId, permission: options.permission }).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? notFound() : error;
    }));
  }
  const byId = new Map(assets.map((a) => [a.id, a]));
  return { assets: wanted.map((id) => byId.get(id)!) as Asset[], access: access! };
}

export async function getAssetOrThrow(options: { caller: Caller; assetId: string; permission: Permission }) {
  const { assets, access } = await getAssetsOrThrow({ ...options, assetIds: [options.assetId] });
  return { asset: assets[0]!, access };
}
