import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateElementInput } from "@/lib/elements/element-schemas";
import { resolveElementImages } from "@/lib/elements/resolve-element-images";

/** A new element with its first version. The caller must hold element.manage (checked by the caller's wrapper). */
export async function createElement(options: { access: TeamAccess; input: CreateElementInput }) {
  const { access, input } = options;
  const [frontalImageKey, ...referenceImageKeys] = await resolveElementImages({
    access,
    images: [{ field: "frontal", image: input.frontal }, ...input.references.map((image, i) => ({ field: `references.${i}`, image }))],
  });
  return db.element.create({
    data: {
      id: createId("element"),
      teamId: access.teamId,
      name: input.name,
      description: input.description || null,
      kind: input.kind,
      currentVersion: 1,
      createdById: access.actorUserId,
      versions: { create: { id: createId("elementVersion"), version: 1, frontalImageKey: frontalImageKey!, referenceImageKeys } },
    },
  });
}
