import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";
import { presignWindowed } from "@/lib/assets/presign-windowed";

const LIMIT = 24;

/**
 * The newest images the caller can read, across the team's projects, to pick an element's images from the gallery
 * (restricted projects only for their members, as everywhere). Picking sends the id, which is checked again.
 */
export async function listPickableAssets(options: { access: TeamAccess }) {
  const { access } = options;
  const projects = await db.project.findMany({ where: { teamId: access.teamId, archivedAt: null }, select: { id: true, name: true } });
  const readable = await readableProjectIds({ access, projectIds: projects.map((p) => p.id) });
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const assets = await db.asset.findMany({
    where: { teamId: access.teamId, projectId: { in: [...readable] }, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: { id: true, projectId: true, storageKey: true, thumbSmallKey: true, prompt: true },
  });
  return Promise.all(
    assets.map(async (a) => ({
      assetId: a.id,
      projectName: names.get(a.projectId) ?? "",
      prompt: a.prompt,
      thumbUrl: await presignWindowed(a.thumbSmallKey ?? a.storageKey),
    })),
  );
}
