// POST /api/v1/generations/:generationId/rerun - the same job again, with optional overrides (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withGeneration } from "@/lib/http/with-generation";
import { rerunGeneration } from "@/lib/generations/rerun-generation";
import { startFirstSubmit } from "@/lib/generations/start-first-submit";
import { rerunGenerationInput } from "@/lib/generations/generation-schemas";
import { submissionDto } from "@/lib/generations/submission-dto";
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
  if (!replayed) startFirstSubmit(created.id);
  return json(await submissionDto({ generation: created, replayed }), { status: replayed ? 200 : 202 });
});
