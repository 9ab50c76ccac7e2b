// POST /api/v1/generations/:generationId/rerun - the same job again, with optional overrides (editor and above)
import { db } from "@/lib/db";
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withGeneration } from "@/lib/http/with-generation";
import { rerunGeneration } from "@/lib/generations/rerun-generation";
import { rerunGenerationInput } from "@/lib/generations/generation-schemas";
import { toGenerationDto } from "@/lib/generations/generation-dto";
import { limitSubmissions } from "@/lib/rate-limit/limit-submissions";

export const POST = withGeneration("generation.create", async ({ request, generation, access }) => {
  const input = rerunGenerationInput.parse(await readJson(request));
  await limitSubmissions(access.caller);
  const { generation: created, replayed } = await rerunGeneration({
    access,
    generation,
    input,
    idempotencyKey: request.headers.get("idempotency-key"),
  });
  const full = await db.generation.findUniqueOrThrow({ where: { id: created.id }, include: { outputs: { include: { asset: true } } } });
  return json(await toGenerationDto(full), { status: replayed ? 200 : 202 });
});
