// POST /api/v1/projects/:projectId/generations - submit a generation (editor and above; Idempotency-Key supported)
// GET /api/v1/projects/:projectId/generations - the project's generations, newest first, with filters
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { createGeneration } from "@/lib/generations/create-generation";
import { startFirstSubmit } from "@/lib/generations/start-first-submit";
import { listGenerations } from "@/lib/generations/list-generations";
import { createGenerationInput, listGenerationsQuery } from "@/lib/generations/generation-schemas";
import { toGenerationDto } from "@/lib/generations/generation-dto";
import { submissionDto } from "@/lib/generations/submission-dto";
import { limitSubmissions } from "@/lib/rate-limit/limit-submissions";

export const POST = withProject("generation.create", async ({ request, access, project }) => {
  const input = createGenerationInput.parse(await readJson(request));
  const admit = limitSubmissions(access.caller);
  // Settled by createGeneration before it writes; this only keeps an early validation error from leaving it unhandled.
  admit.catch(() => undefined);
  const { generation, replayed } = await createGeneration({
    access,
    projectId: project.id,
    input,
    idempotencyKey: request.headers.get("idempotency-key"),
    admit,
  });
  if (!replayed) startFirstSubmit(generation.id);
  return json(await submissionDto({ generation, replayed }), { status: replayed ? 200 : 202, headers: replayed ? { "idempotent-replayed": "true" } : undefined });
});

export const GET = withProject("project.read", async ({ request, project }) => {
  const query = listGenerationsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { data, nextCursor } = await listGenerations({ projectId: project.id, query });
  return json({ data: await Promise.all(data.map(toGenerationDto)), nextCursor });
});
