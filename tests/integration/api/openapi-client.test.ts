import { describe, expect, inject, it } from "vitest";
import createClient from "openapi-fetch";
import type { paths } from "@/lib/openapi/api-v1";
import { generationPageResponse, generationResponse } from "@/lib/openapi/generation-response";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, waitFor } from "@/tests/helpers/pipeline";

// An API user's code: types generated from our OpenAPI document by openapi-typescript (lib/openapi/api-v1.d.ts),
// calls made with openapi-fetch against the running stack. The compiler checks the calls against the document; the
// zod parses check the document's response schemas against what the API really answers.
describe("a typed client generated from /api/v1/openapi.json", () => {
  it("creates an API key, then submits, lists and reads generations with it", async () => {
    await sim("/faults", { method: "DELETE" });
    const baseUrl = inject("appUrl");
    const { team, project, sessionToken } = await memberOfNewTeam("owner");

    // The document the client was generated from is the one the server serves.
    const served = await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json();
    expect(Object.keys(served.paths)).toContain("/api/v1/projects/{projectId}/generations");

    const session = createClient<paths>({ baseUrl, headers: { cookie: `authjs.session-token=${sessionToken}`, origin: baseUrl } });
    const created = await session.POST("/api/v1/teams/{teamId}/api-keys", {
      params: { path: { teamId: team.id } },
      body: { name: "typed client", access: "read_write" },
    });
    expect(created.response.status).toBe(201);
    const key = created.data?.key;
    expect(key).toMatch(/\S{20,}/);

    const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${key}` } });
    const submitted = await api.POST("/api/v1/projects/{projectId}/generations", {
      params: { path: { projectId: project.id }, header: { "Idempotency-Key": "typed-client-1" } },
      body: { mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "A lighthouse in fog", num_images: 1 } },
    });
    expect(submitted.response.status).toBe(202);
    const generation = generationResponse.parse(submitted.data);
    expect(generation.status).toBe("queued");

    const listed = await api.GET("/api/v1/projects/{projectId}/generations", { params: { path: { projectId: project.id }, query: { limit: 10 } } });
    expect(listed.response.status).toBe(200);
    expect(generationPageResponse.parse(listed.data).data.map((g) => g.id)).toEqual([generation.id]);

    const done = await waitFor(
      async () => {
        const read = await api.GET("/api/v1/generations/{generationId}", { params: { path: { generationId: generation.id } } });
        const body = generationResponse.parse(read.data);
        return body.status === "succeeded" && body.outputs.every((o) => o.asset) ? body : null;
      },
      { what: "the generation to succeed with its outputs" },
    );
    expect(done.outputs).toHaveLength(1);
    expect(done.cost.actualMicros).not.toBeNull();

    // Errors come back in the documented error shape, typed.
    const missing = await api.GET("/api/v1/generations/{generationId}", { params: { path: { generationId: "gen_missing" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe("not_found");

    const project2 = await api.GET("/api/v1/projects/{projectId}", { params: { path: { projectId: project.id } } });
    expect(project2.data?.id).toBe(project.id);
  });
});
