import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { UpdateElementInput } from "@/lib/elements/element-schemas";
import { getElementOrThrow } from "@/lib/elements/get-element-or-throw";
import { resolveElementImages } from "@/lib/elements/resolve-element-images";

/**
 * An edit makes a new version and points the element at it; the old version stays, so every generation keeps the
 * exact images (and provider registrations) it used. The version bump is a compare-and-swap on currentVersion, so two
 * edits at once cannot both claim the same number (the loser gets a 409 and can retry on the fresh element).
 */
export async function updateElement(options: { access: TeamAccess; elementId: string; input: UpdateElementInput }) {
  const { access, input } = options;
  const element = await getElementOrThrow({ access, elementId: options.elementId });
  if (element.archivedAt) throw new AppError("conflict", "This element is archived. Restore it to edit it.");
  const current = element.versions.find((v) => v.version === element.currentVersion)!;
  const images = [
    ...(input.frontal ? [{ field: "frontal", image: input.frontal }] : []),
    ...(input.references ?? []).map((image, i) => ({ field: `references.${i}`, image })),
  ];
  const keys = await resolveElementImages({ access, images });
  const frontalImageKey = input.frontal ? keys[0]! : current.frontalImageKey;
  const referenceImageKeys = input.references ? keys.slice(input.frontal ? 1 : 0) : current.referenceImageKeys;
  const version = element.currentVersion + 1;
  return db.$transaction(async (tx) => {
    const moved = await tx.element.updateMany({
      where: { id: element.id, currentVersion: element.currentVersion },
      data: {
        currentVersion: version,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
      },
    });
    if (moved.count !== 1) throw new AppError("conflict", "Someone else changed this element at the same time. Reload and try again.");
    await tx.elementVersion.create({ data: { id: createId("elementVersion"), elementId: element.id, version, frontalImageKey, referenceImageKeys } });
    return tx.element.findUniqueOrThrow({ where: { id: element.id } });
  });
}
