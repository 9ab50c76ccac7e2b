// POST /api/v1/projects/:projectId/generations - submit a generation (editor and above; Idempotency-Key supported)
// GET /api/v1/projects/:projectId/generations - the project's generations, newest first, with filters
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withProject } from "@/lib/http/with-project";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { listGenerations } from "@/lib/generations/list-generations";
import { createGenerationInput, listGenerationsQuery } from "@/lib/generations/generation-schemas";
import { toGenerationDto } from "@/lib/generations/generation-dto";
import { submissionDto } from "@/lib/generations/submission-dto";

export const POST = withProject("generation.create", async ({ request, access, project }) => {
  const input = createGenerationInput.parse(await readJson(request));
  const { generation, replayed } = await submitGeneration({ access, projectId: project.id, input, idempotencyKey: request.headers.get("idempotency-key") });
  return json(await submissionDto({ generation, replayed }), { status: replayed ? 200 : 202, headers: replayed ? { "idempotent-replayed": "true" } : undefined });
});

export const GET = withProject("project.read", async ({ request, project }) => {
  const query = listGenerationsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { data, nextCursor } = await listGenerations({ projectId: project.id, query });
  return json({ data: await Promise.all(data.map(toGenerationDto)), nextCursor });
});
