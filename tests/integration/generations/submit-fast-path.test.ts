import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { closePgPool } from "@/lib/db-pool";
import { stopBoss } from "@/lib/jobs/boss";
import type { RouteHandler } from "@/lib/http/serve-route-handler";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim } from "@/tests/helpers/pipeline";

// `npm start` (scripts/server.ts) answers an API-key POST to this URL on plain node:http with the route file's own
// handler (lib/http/serve-route-handler.ts); plain `next start` and `next dev` run the same handler inside Next. Both
// must answer alike, and the server's answer must carry the headers Next would have added.

let nextRoute: RouteHandler;
beforeAll(async () => {
  // The route imports next-auth, whose next/headers expects the AsyncLocalStorage Next's server installs globally
  // (scripts/server.ts imports it only after Next is up, for the same reason).
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  ({ POST: nextRoute } = await import("@/app/api/v1/projects/[projectId]/generations/route"));
});

afterAll(async () => {
  await stopBoss({ graceful: false, timeoutMs: 5_000 });
  await closePgPool();
});

type Call = { projectId: string; key: string; body: string; headers?: Record<string, string> };
type Answer = { status: number; body: unknown; headers: Headers };

async function keyed() {
  const member = await memberOfNewTeam("owner");
  const access = await resolveTeamAccess({ caller: { kind: "user", userId: member.user.id }, teamId: member.team.id, permission: "apikey.manage" });
  const { key } = await createApiKey({ access, input: { name: "ci", access: "read_write", projectIds: [] } });
  const { key: readKey } = await createApiKey({ access, input: { name: "read", access: "read", projectIds: [] } });
  return { ...member, key, readKey };
}

function request(c: Call) {
  return {
    url: `${inject("appUrl")}/api/v1/projects/${encodeURIComponent(c.projectId)}/generations`,
    init: { method: "POST", body: c.body, headers: { authorization: `Bearer ${c.key}`, "content-type": "application/json", ...c.headers } },
  };
}

async function viaServer(c: Call): Promise<Answer> {
  if (c.headers?.["content-length"]) return viaServerDeclaring(c);
  const { url, init } = request(c);
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** fetch always sends the true length; this one declares what the call says and sends only the body it has. */
function viaServerDeclaring(c: Call): Promise<Answer> {
  const { url, init } = request(c);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: init.headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => {
        req.destroy();
        const headers = new Headers(Object.entries(res.headers).map(([k, v]): [string, string] => [k, String(v)]));
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown, headers });
      });
    });
    req.on("error", reject);
    req.write(c.body);
  });
}

/** The route handler inside Next's wrapper, as `next start` runs it, called in this process. */
async function viaNextRoute(c: Call): Promise<Answer> {
  const { url, init } = request(c);
  const res = await nextRoute(new Request(url, init), { params: Promise.resolve({ projectId: c.projectId }) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** The generation's own fields differ between two submissions; everything else must not. */
function comparable(answer: Answer) {
  const body = answer.body as Record<string, unknown>;
  const shape = "id" in body ? { status: body.status, fields: Object.keys(body).sort() } : body;
  return { status: answer.status, body: shape, replayed: answer.headers.get("idempotent-replayed"), retryAfter: answer.headers.get("retry-after") };
}

const submit = (prompt: string) => JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt, num_images: 1 } });

describe("API-key submit on the server's fast path", () => {
  it("answers every case as the Next route does", async () => {
    await sim("/faults", { method: "DELETE" });
    const { project, key, readKey } = await keyed();
    const other = await keyed();
    const cases: Record<string, (run: string) => Call> = {
      accepted: (run) => ({ projectId: project.id, key, body: submit(`accepted ${run}`) }),
      "refused by the schema": () => ({ projectId: project.id, key, body: JSON.stringify({ mode: "not-a-mode" }) }),
      "not JSON": () => ({ projectId: project.id, key, body: "{nope" }),
      "declared too large": () => ({ projectId: project.id, key, body: "{}", headers: { "content-length": "5000000" } }),
      "unknown key": () => ({ projectId: project.id, key: `${key.slice(0, -4)}XXXX`, body: submit("unknown key") }),
      "read-only key": () => ({ projectId: project.id, key: readKey, body: submit("read only") }),
      "another team's project": () => ({ projectId: other.project.id, key, body: submit("other team") }),
      "no such project": () => ({ projectId: "prj_missing", key, body: submit("missing") }),
    };
    for (const [name, make] of Object.entries(cases)) {
      const fast = comparable(await viaServer(make("server")));
      const next = comparable(await viaNextRoute(make("next")));
      expect(fast, name).toEqual(next);
    }
  });

  it("replays an Idempotency-Key whichever path created it", async () => {
    const { project, key } = await keyed();
    const call = { projectId: project.id, key, body: submit("replay"), headers: { "idempotency-key": "fast-path-1" } };
    const first = await viaNextRoute(call);
    const again = await viaServer(call);
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
  });

  it("carries the security headers Next gives the same URL", async () => {
    const { project, key, api } = await keyed();
    const refused = request({ projectId: project.id, key, body: "{nope" });
    const fast = await fetch(refused.url, refused.init);
    // A session-cookie POST to the same URL is Next's to answer.
    const viaNext = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body: "{nope" });
    expect([fast.status, viaNext.status]).toEqual([400, 400]);
    const names = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy"];
    for (const name of names) {
      expect(viaNext.headers.get(name), name).toBeTruthy();
      expect(fast.headers.get(name), name).toBe(viaNext.headers.get(name));
    }
    // The proof that the server answered the API-key request itself: Next compresses its answer, the fast path
    // (a few hundred bytes of JSON) does not.
    expect(viaNext.headers.get("content-encoding")).toBe("gzip");
    expect(fast.headers.get("content-encoding")).toBeNull();
  });
});
