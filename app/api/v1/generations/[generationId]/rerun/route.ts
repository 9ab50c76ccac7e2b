// POST /api/v1/generations/:generationId/rerun - the same job again, with optional overrides (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withGeneration } from "@/lib/http/with-generation";
import { submitRerun } from "@/lib/generations/submit-generation";
import { rerunGenerationInput } from "@/lib/generations/generation-schemas";
import { submissionDto } from "@/lib/generations/submission-dto";

export const POST = withGeneration("generation.create", async ({ request, generation, access }) => {
  const input = rerunGenerationInput.parse(await readJson(request));
  const { generation: created, replayed } = await submitRerun({ access, generation, input, idempotencyKey: request.headers.get("idempotency-key") });
  return json(await submissionDto({ generation: created, replayed }), { status: replayed ? 200 : 202 });
});
