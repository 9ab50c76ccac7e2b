// POST /api/v1/generations/:generationId/cancel - cancel a queued or running generation (editor and above)
import { db } from "@/lib/db";
import { json } from "@/lib/http/respond";
import { withGeneration } from "@/lib/http/with-generation";
import { cancelGeneration } from "@/lib/generations/cancel-generation";
import { toGenerationDto } from "@/lib/generations/generation-dto";

export const POST = withGeneration("generation.create", async ({ generation }) => {
  await cancelGeneration({ generation });
  const fresh = await db.generation.findUniqueOrThrow({ where: { id: generation.id }, include: { outputs: { include: { asset: true } } } });
  return json(await toGenerationDto(fresh));
});
