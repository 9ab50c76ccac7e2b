import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The current version of each element, checked to belong to the team and not be archived. */
export async function resolveElements(options: { teamId: string; elementIds: string[] }) {
  if (options.elementIds.length === 0) return [];
  const elements = await db.element.findMany({
    where: { id: { in: options.elementIds }, teamId: options.teamId, archivedAt: null },
    include: { versions: { include: { providerRefs: true } } },
  });
  return options.elementIds.map((id, position) => {
    const element = elements.find((e) => e.id === id);
    const version = element?.versions.find((v) => v.version === element.currentVersion);
    if (!element || !version) {
      throw new AppError("validation_failed", "An element was not found.", {
        fields: { [`elementIds.${position}`]: "No such element in this team." },
      });
    }
    return { position, element, version };
  });
}
