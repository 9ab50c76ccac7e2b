import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readableProjectIds } from "@/lib/projects/readable-project-ids";
import { getElementOrThrow } from "@/lib/elements/get-element-or-throw";
import { elementVersionUsage } from "@/lib/elements/element-usage";

const IMAGES_PER_VERSION = 12;

/**
 * An element with every version, how many generations used each, and the newest images made with each — only
 * from projects the caller may read (a restricted project's images stay out of the library, as in the gallery).
 */
export async function getElementDetail(options: { access: TeamAccess; elementId: string }) {
  const { access } = options;
  const element = await getElementOrThrow(options);
  const usage = await elementVersionUsage(element.versions.map((v) => v.id));
  const teamProjects = await db.project.findMany({ where: { teamId: access.teamId }, select: { id: true } });
  const readable = [...(await readableProjectIds({ access, projectIds: teamProjects.map((p) => p.id) }))];
  const images = await Promise.all(
    element.versions.map((version) =>
      db.asset.findMany({
        where: { teamId: access.teamId, projectId: { in: readable }, deletedAt: null, generation: { elements: { some: { elementVersionId: version.id } } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: IMAGES_PER_VERSION,
        select: { id: true, projectId: true, format: true, storageKey: true, thumbSmallKey: true, thumbLargeKey: true, width: true, height: true, prompt: true },
      }),
    ),
  );
  return {
    element,
    usageCount: [...usage.values()].reduce((a, b) => a + b, 0),
    versions: element.versions.map((version, i) => ({ version, usageCount: usage.get(version.id) ?? 0, images: images[i]! })),
  };
}
