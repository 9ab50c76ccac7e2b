// POST /api/v1/generations/:generationId/cancel - cancel a queued or running generation (editor and above)
import { json } from "@/lib/http/respond";
import { withGeneration } from "@/lib/http/with-generation";
import { cancelGeneration } from "@/lib/generations/cancel-generation";
import { getGenerationOrThrow } from "@/lib/generations/get-generation-or-throw";
import { toGenerationDto } from "@/lib/generations/generation-dto";

export const POST = withGeneration("generation.create", async ({ generation, access }) => {
  await cancelGeneration({ generation });
  const { generation: fresh } = await getGenerationOrThrow({ caller: access.caller, generationId: generation.id, permission: "project.read" });
  return json(await toGenerationDto(fresh));
});
