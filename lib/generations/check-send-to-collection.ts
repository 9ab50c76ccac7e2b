import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * "Send outputs to collection": the collection must be a hand-picked one of the generation's own project (a smart
 * collection holds whatever matches its query, so nothing can be put in it). Read only when a submit names one, so
 * the ordinary submit path pays nothing for it.
 */
export async function checkSendToCollection(options: { teamId: string; projectId: string; collectionId: string }) {
  const collection = await db.collection.findFirst({
    where: { id: options.collectionId, teamId: options.teamId, projectId: options.projectId },
    select: { id: true, filter: true },
  });
  if (!collection) {
    throw new AppError("validation_failed", "That collection was not found in this project.", { fields: { collectionId: "No such collection in this project." } });
  }
  if (collection.filter !== null) {
    throw new AppError("validation_failed", "A smart collection fills itself from its query; choose a hand-picked collection.", {
      fields: { collectionId: "A smart collection can't be sent outputs." },
    });
  }
  return collection.id;
}
