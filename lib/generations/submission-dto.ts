import { db } from "@/lib/db";
import type { Generation } from "@/lib/generated/prisma/client";
import { toGenerationDto } from "@/lib/generations/generation-dto";

/**
 * The response to a submission. A new generation is answered from the row just created (it has no outputs yet, so
 * reloading it would only add a round trip to every submit); a replayed one may have moved on, so it is read again.
 */
export async function submissionDto(options: { generation: Generation; replayed: boolean }) {
  const { generation, replayed } = options;
  if (!replayed) return toGenerationDto({ ...generation, outputs: [] });
  const current = await db.generation.findUniqueOrThrow({ where: { id: generation.id }, include: { outputs: { include: { asset: true } } } });
  return toGenerationDto(current);
}
