import { db } from "@/lib/db";
import type { ErrorClass } from "@/lib/generated/prisma/enums";
import { transitionGeneration } from "@/lib/generations/transition-generation";
import { releaseSpend } from "@/lib/spend/close-spend";

/** Ends a generation as failed or cancelled with a plain message, and gives its reservation back (once). */
export async function failGeneration(options: {
  generationId: string;
  to: "failed" | "cancelled";
  errorClass?: ErrorClass;
  message: string;
}): Promise<boolean> {
  const { generationId, to } = options;
  return db.$transaction(async (tx) => {
    const moved = await transitionGeneration({
      generationId,
      to,
      tx,
      data: { errorClass: options.errorClass ?? null, errorMessage: options.message },
    });
    if (!moved) return false;
    const generation = await tx.generation.findUniqueOrThrow({ where: { id: generationId } });
    await releaseSpend(tx, generation);
    return true;
  });
}
