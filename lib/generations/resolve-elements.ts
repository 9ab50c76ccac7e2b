import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The version of each element to send, checked to belong to the team and not be archived: its current version, or
 * the one named at the same position in `versionIds` (a re-run reproducing the versions its original recorded).
 */
export async function resolveElements(options: { teamId: string; elementIds: string[]; versionIds?: (string | null)[] }) {
  if (options.elementIds.length === 0) return [];
  const elements = await db.element.findMany({
    where: { id: { in: options.elementIds }, teamId: options.teamId, archivedAt: null },
    include: { versions: { include: { providerRefs: true } } },
  });
  return options.elementIds.map((id, position) => {
    const element = elements.find((e) => e.id === id);
    const pinned = options.versionIds?.[position];
    const version = element?.versions.find((v) => (pinned ? v.id === pinned : v.version === element.currentVersion));
    if (!element || !version) {
      throw new AppError("validation_failed", "An element was not found.", {
        fields: { [`elementIds.${position}`]: element ? "That version of the element no longer exists." : "No such element in this team." },
      });
    }
    return { position, element, version };
  });
}
