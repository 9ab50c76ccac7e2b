import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { addMember } from "@/prisma/factories/create-team";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";

// Input that used to reach PostgreSQL (500), pass as a prompt, or fall through to an HTML page: each answered in the
// API's JSON error shape with a 4xx, over HTTP as a client would send it.

const submitBody = (prompt: string) => `{"mode":"text-to-image","model":"kling-v3","provider":"kling","parameters":{"prompt":${prompt},"num_images":1}}`;

async function errorOf(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/json");
  return ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}

describe("bad input is the client's error, never a 500", () => {
  it("refuses NUL characters and lone surrogates in JSON strings with 422 naming the field", async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, project } = await memberOfNewTeam("editor");
    const post = (body: string) => api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body });
    // Written as JSON escapes, exactly as a client would send them.
    for (const prompt of [String.raw`"a cat\u0000"`, String.raw`"a cat \ud800"`, String.raw`"\udc00 a cat"`]) {
      const res = await post(submitBody(prompt));
      expect(res.status, prompt).toBe(422);
      expect((await errorOf(res)).fields, prompt).toEqual({ "parameters.prompt": "must not contain NUL characters or unpaired surrogates" });
    }
    // A key counts too, and a well-formed pair (an emoji) is fine.
    const key = await post(`{"mode":"text-to-image","model":"kling-v3","parameters":{"prompt":"x","n\\u0000":1}}`);
    expect(key.status).toBe(422);
    expect(Object.keys((await errorOf(key)).fields ?? {})).toEqual(["parameters.n\u0000"]);
    expect((await post(submitBody(String.raw`"a cat \ud83d\ude3a"`))).status).toBe(202);
  });

  it("refuses a prompt made only of whitespace and zero-width characters with 422 at parameters.prompt", async () => {
    const { api, project } = await memberOfNewTeam("editor");
    for (const prompt of ["\u200b\u200c\u200d", " \u2060\ufeff\t\n ", "\u00a0\u3000\u180e"]) {
      const res = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body: submitBody(JSON.stringify(prompt)) });
      expect(res.status, JSON.stringify(prompt)).toBe(422);
      expect(Object.keys((await errorOf(res)).fields ?? {})).toEqual(["parameters.prompt"]);
    }
    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers unknown /api paths with a JSON 404 for every method", async () => {
    const { api } = await signedInUser();
    for (const path of ["/api/nope", "/api/v1/nope", "/api/v1/projects/prj_x/nope/deeper"]) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
        const res = await api(path, { method, body: method === "GET" ? undefined : "{}" });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(await errorOf(res), `${method} ${path}`).toEqual({ code: "not_found", message: "No such API endpoint." });
      }
      const head = await fetch(`${inject("appUrl")}${path}`, { method: "HEAD" });
      expect(head.status, `HEAD ${path}`).toBe(404);
    }
  });
});

describe("Idempotency-Key", () => {
  it("refuses a key over 255 characters with 400 instead of overflowing the index", async () => {
    const { api, project } = await memberOfNewTeam("editor");
    const res = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body: submitBody('"long key"'), headers: { "idempotency-key": "k".repeat(3000) } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("bad_request");
    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers 422 when a key is sent again with a different body, and replays only the same request", async () => {
    const { api, project } = await memberOfNewTeam("editor");
    const post = (prompt: string, key: string) =>
      api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body: submitBody(JSON.stringify(prompt)), headers: { "idempotency-key": key } });
    const first = await post("first body", "order-7");
    expect(first.status).toBe(202);
    const other = await post("another body", "order-7");
    expect(other.status).toBe(422);
    expect((await errorOf(other)).message).toMatch(/already used with a different request/);
    // Fields in another order are the same request.
    const reordered = await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      body: `{"parameters":{"num_images":1,"prompt":"first body"},"provider":"kling","model":"kling-v3","mode":"text-to-image"}`,
      headers: { "idempotency-key": "order-7" },
    });
    expect(reordered.status).toBe(200);
    expect(((await reordered.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("scopes keys per caller: another member's same key and body is their own new generation", async () => {
    const { api, team, project } = await memberOfNewTeam("editor");
    const colleague = await signedInUser();
    await addMember({ teamId: team.id, userId: colleague.user.id, role: "editor" });
    const body = submitBody('"shared key"');
    const mine = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body, headers: { "idempotency-key": "batch-1" } });
    const theirs = await colleague.api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body, headers: { "idempotency-key": "batch-1" } });
    expect([mine.status, theirs.status]).toEqual([202, 202]);
    const [a, b] = [(await mine.json()) as { id: string }, (await theirs.json()) as { id: string }];
    expect(a.id).not.toBe(b.id);
  });
});
