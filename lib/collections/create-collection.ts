import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import type { Project } from "@/lib/generated/prisma/client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { storedFilter, type CreateCollectionInput } from "@/lib/collections/collection-schemas";
import { checkParent } from "@/lib/collections/check-parent";
import { toCollectionDto } from "@/lib/collections/collection-dto";

/** Creates a hand-picked or smart collection in a project the caller may edit (checked by the route). */
export async function createCollection(options: { access: TeamAccess; project: Project; input: CreateCollectionInput }) {
  const { access, project, input } = options;
  const collection = await db.$transaction(async (tx) => {
    if (input.parentId) await checkParent(tx, { projectId: project.id, parentId: input.parentId });
    return tx.collection.create({
      data: {
        id: createId("collection"),
        teamId: project.teamId,
        projectId: project.id,
        parentId: input.parentId ?? null,
        name: input.name,
        ...(input.filter && { filter: storedFilter(input.filter) }),
        createdById: access.actorUserId,
      },
    });
  });
  return toCollectionDto(collection, 0);
}
