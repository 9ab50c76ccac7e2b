import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";

// Issue 15 point 10 over HTTP: ten slow reference URLs held one submit for 109 s. The stack allows one stand-in outside
// origin (started by the global setup, tests/setup/stack-global.ts). References to it are fetched at once; those still
// downloading when their time runs out (15 s each, 20 s for the lot) are refused by name, and the request is answered
// then, not after them one by one.
describe("POST /api/v1/projects/:projectId/generations with slow reference URLs", () => {
  it("fetches them at once and answers within the 20 s deadline, naming the late ones", { timeout: 120_000 }, async () => {
    const origin = inject("outsideOriginUrl");
    const { api, project } = await memberOfNewTeam("editor");
    // Eight that take 6 s each (48 s one after another, about 6 s at once) and two that never finish.
    const references = [
      ...Array.from({ length: 8 }, (_, i) => ({ url: `${origin}/slow-image?ms=6000&n=${i}` })),
      { url: `${origin}/hang` },
      { url: `${origin}/slow-image?ms=120000&n=9` },
    ];
    const body = JSON.stringify({ mode: "multi-reference", model: "kling-v3-omni", provider: "kling", references, parameters: { prompt: "Blend @image1 and @image2", num_images: 1 } });
    const started = Date.now();
    const res = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body });
    const took = Date.now() - started;
    const answer = (await res.json()) as { error: { code: string; fields?: Record<string, string> } };
    expect(res.status).toBe(422);
    expect(Object.keys(answer.error.fields ?? {}).sort()).toEqual(["references.8.url", "references.9.url"]);
    expect(answer.error.fields?.["references.8.url"]).toMatch(/did not finish in time/);
    // Within the 20 s the lot shares, plus the request's own work on a shared machine; one after another this was
    // 48 s for the slow ones alone, plus each hanging one's own timeout.
    expect(took).toBeLessThan(40_000);
    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(0);
  });
});
