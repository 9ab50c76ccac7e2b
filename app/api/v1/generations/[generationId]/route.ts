// GET /api/v1/generations/:generationId - status, parameters, outputs, cost, timings and error
import { json } from "@/lib/http/respond";
import { withGeneration } from "@/lib/http/with-generation";
import { toGenerationDto } from "@/lib/generations/generation-dto";

export const GET = withGeneration("project.read", async ({ generation }) => json(await toGenerationDto(generation)));
