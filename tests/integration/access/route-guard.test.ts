// THE access test. It walks app/ for every route handler (app/**/route.ts) and every server action module
// ("use server" files), and attacks each exported method/action as: nobody, a revoked API key of the team, the owner
// of another team (session and API key), a removed admin whose session is still alive, a viewer and a read-only key
// (for writes). Every attempt must be refused — 401 without valid credentials, 404 across teams, 403 for a missing
// permission — and the database must be byte-for-byte unchanged (a per-table fingerprint before and after).
//
// Nothing needs registering for a new route whose dynamic segments are known: it is picked up and attacked. The suite
// fails, on purpose, for: a dynamic segment with no fixture (add it to SEGMENTS in world.ts), a route with no victim
// to aim at (add it to PUBLIC_ROUTES / SELF_ROUTES in registry.ts, with the reason), a server action not in ACTIONS.
//
// Server actions are called over HTTP exactly as Next's client does: POST to the page that uses the action with the
// `Next-Action: <id>` header and the arguments encoded as React's reply FormData. Action ids come from the server's
// server-reference-manifest.json (written by `next build`, or by `next dev` once every page has been requested).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { discoverActionFiles, discoverPages, discoverRoutes, dynamicSegments, fillTemplate, ROOT, type HttpMethod } from "./discover";
import { changedTables, dbFingerprint } from "./db-fingerprint";
import { buildWorld, type Attacker, type World } from "./world";
import { ACTIONS, PUBLIC_ROUTES, ROUTE_BODIES, SELF_ROUTES, TOKEN_ROUTES, VIEWER_MAY_WRITE } from "./registry";
import { actionId, buildAttacks, callAction, type Attacks } from "./attacks";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";

const appUrl = () => inject("appUrl");
const READS = new Set<HttpMethod>(["GET", "HEAD", "OPTIONS"]);
let world: World;

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

async function send(url: string, init: RequestInit) {
  const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(45_000) });
  // Streams (SSE) stay open when a request is let in: read headers only, then hang up.
  const text = res.headers.get("content-type")?.includes("text/event-stream") ? "" : await res.text();
  if (!text) await res.body?.cancel().catch(() => undefined);
  return { status: res.status, headers: res.headers, text };
}

/** Which statuses count as "refused" for this attacker on this route. Null: the attacker isn't relevant here. */
function expectedStatuses(kind: Attacker["kind"], scope: "team" | "self", method: HttpMethod, key: string): number[] | null {
  if (kind === "anonymous" || kind === "revokedKey") return [401];
  if (scope === "self") return null;
  if (kind === "outsider" || kind === "removed") return [404];
  // Session-only routes answer any API key with 401 before looking at the team.
  if (kind === "outsiderKey") return [401, 404];
  if (READS.has(method) || VIEWER_MAY_WRITE[key]) return null;
  return kind === "viewer" ? [403] : [401, 403];
}

describe("route handlers refuse every caller who may not use them", () => {
  const routes = discoverRoutes();

  it("finds the route handlers", () => {
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) expect(route.methods, `${route.file} exports no HTTP method this test recognises`).not.toHaveLength(0);
  });

  for (const route of routes) {
    for (const method of route.methods) {
      const key = `${method} ${route.template}`;
      if (PUBLIC_ROUTES[key]) {
        // Public by design (authenticated another way, or reveals nothing): the allowlist must say why.
        it(`${key} is public: ${PUBLIC_ROUTES[key]}`, () => expect(PUBLIC_ROUTES[key]!.length).toBeGreaterThan(15));
        continue;
      }
      if (TOKEN_ROUTES[key]) {
        // Public, token-checked: with a token that names no share link, everyone — the victim's owner too — gets 404.
        it(`${key} is public, token-checked: ${TOKEN_ROUTES[key]}`, async () => {
          const url = `${appUrl()}${fillTemplate(route.template, world.SEGMENTS, route.file)}`;
          const body = READS.has(method) ? undefined : JSON.stringify(ROUTE_BODIES[key]?.(world) ?? {});
          const before = await dbFingerprint();
          const failures: string[] = [];
          for (const attacker of [...world.attackers, { name: "the victim team's owner", headers: world.owner.headers }]) {
            const res = await send(url, { method, body, headers: { "content-type": "application/json", ...attacker.headers } });
            if (res.status !== 404) failures.push(`${attacker.name}: got ${res.status}, expected 404 — ${res.text.slice(0, 200)}`);
          }
          expect(failures, `${key} answered something other than 404 without a share link`).toEqual([]);
          expect(changedTables(before, await dbFingerprint()), `${key}: refused attempts still wrote to these tables`).toEqual([]);
        });
        continue;
      }
      it(`${key}`, async () => {
        const scope = SELF_ROUTES[key] ? "self" : "team";
        if (scope === "team" && dynamicSegments(route.template).length === 0 && !ROUTE_BODIES[key]) {
          throw new Error(`${route.file}: ${key} names no team resource in its URL, so the guard can't aim at a victim. ` +
            "List it in SELF_ROUTES or PUBLIC_ROUTES (tests/integration/access/registry.ts) with the reason.");
        }
        const url = `${appUrl()}${fillTemplate(route.template, world.SEGMENTS, route.file)}`;
        const body = READS.has(method) ? undefined : JSON.stringify(ROUTE_BODIES[key]?.(world) ?? {});
        const before = await dbFingerprint();
        const failures: string[] = [];
        for (const attacker of world.attackers) {
          const expected = expectedStatuses(attacker.kind, scope, method, key);
          if (!expected) continue;
          const res = await send(url, { method, body, headers: { "content-type": "application/json", ...attacker.headers } });
          if (!expected.includes(res.status)) failures.push(`${attacker.name}: got ${res.status}, expected ${expected.join(" or ")} — ${res.text.slice(0, 200)}`);
        }
        const changed = changedTables(before, await dbFingerprint());
        expect(failures, `${key} let someone in`).toEqual([]);
        expect(changed, `${key}: refused attempts still wrote to these tables`).toEqual([]);
        // The victim's owner gets through: proves the fixtures name real rows, so the refusals above mean something.
        if (scope === "team" && READS.has(method)) {
          const res = await send(url, { method, headers: world.owner.headers });
          expect([401, 403, 404], `${key}: the team's owner was refused (${res.status}), so the fixtures are wrong`).not.toContain(res.status);
        }
      });
    }
  }
});

describe("server actions refuse every caller who may not use them", () => {
  const files = discoverActionFiles();
  type Entry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
  let manifest: Record<string, Entry> = {};

  beforeAll(async () => {
    // Next compiles pages (and registers their actions) on first request: visit every page once.
    for (const page of discoverPages()) {
      const url = `${appUrl()}${fillTemplate(page.template, world.SEGMENTS, page.file)}`;
      await send(url, { headers: world.owner.headers });
    }
    const dist = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next-test");
    // `next build` writes server/…; `next dev` writes dev/server/… as pages compile. The folder may hold both from
    // earlier runs in the other mode: the newer one belongs to the server under test.
    const file = [path.join(dist, "dev/server/server-reference-manifest.json"), path.join(dist, "server/server-reference-manifest.json")]
      .filter((f) => fs.existsSync(f))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    if (!file) throw new Error(`no server-reference-manifest.json under ${dist}`);
    manifest = (JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, Entry> }).node;
  }, 300_000);

  it("every action is a named export of a \"use server\" module, registered with its attack fixture", () => {
    const inline = Object.values(manifest).filter((e) => e.exportedName?.startsWith("$$RSC_SERVER_ACTION_"));
    expect(inline.map((e) => e.filename), "inline server actions can't be attacked by name: move them into a \"use server\" module").toEqual([]);
    const exported = files.flatMap((f) => f.exports.map((name) => `${f.file}#${name}`));
    expect(exported.filter((k) => !ACTIONS[k]), "server actions missing from ACTIONS in tests/integration/access/registry.ts").toEqual([]);
  });

  for (const { file, exports } of files) {
    for (const name of exports) {
      const key = `${file}#${name}`;
      const spec = ACTIONS[key];
      if (spec?.scope === "public") {
        it(`${key} is public: ${spec.reason}`, () => expect(spec.reason?.length ?? 0).toBeGreaterThan(15));
        continue;
      }
      it(key, async () => {
        if (!spec) throw new Error(`${key} is not in ACTIONS (tests/integration/access/registry.ts): register its form fixture and scope.`);
        const found = Object.entries(manifest).find(([, e]) => e.filename === file && e.exportedName === name);
        if (!found) throw new Error(`${key} is not in the server-reference manifest: no page under app/ uses it (or its page didn't compile).`);
        const [actionId, entry] = found;
        const worker = Object.keys(entry.workers)[0]!;
        const pageUrl = `${appUrl()}${fillTemplate(worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/", world.SEGMENTS, worker)}`;
        const before = await dbFingerprint();
        const failures: string[] = [];
        for (const attacker of world.attackers) {
          const expected = expectedCodes(attacker.kind, spec);
          if (!expected) continue;
          const res = await callAction(pageUrl, actionId, spec, attacker.headers);
          if (res.status >= 500) throw new Error(`${key} crashed for ${attacker.name} (HTTP ${res.status}): ${res.text.slice(0, 300)}`);
          const outcome = refusal(res);
          if (!outcome || !expected.includes(outcome)) failures.push(`${attacker.name}: ${outcome ?? `not refused (HTTP ${res.status})`}, expected ${expected.join(" or ")} — ${res.text.slice(0, 200)}`);
        }
        const changed = changedTables(before, await dbFingerprint());
        expect(failures, `${key} let someone in`).toEqual([]);
        expect(changed, `${key}: refused attempts still wrote to these tables`).toEqual([]);
      });
    }
  }

  function expectedCodes(kind: Attacker["kind"], spec: NonNullable<(typeof ACTIONS)[string]>): string[] | null {
    // Actions read only the session cookie; a Bearer header is no credential to them.
    const anonymous = kind === "anonymous" || kind === "revokedKey" || kind === "outsiderKey" || kind === "readKey";
    // Where an invitation token is the credential, a bad token may be refused before (or instead of) the session.
    if (spec.scope === "token") return anonymous ? ["unauthorized", "sign-in redirect", "not_found"] : ["not_found", "forbidden"];
    if (anonymous) return ["unauthorized", "sign-in redirect"];
    if (spec.scope === "self") return null;
    if (kind === "outsider" || kind === "removed") return ["not_found"];
    return spec.viewerMay ? null : ["forbidden"];
  }

  async function callAction(url: string, actionId: string, spec: NonNullable<(typeof ACTIONS)[string]>, headers: Record<string, string>) {
    // React's reply encoding: field "0" is the JSON argument list, in which "$K1" stands for the FormData whose fields
    // are sent as "_1_<name>" (bound arguments first, then useActionState's previous state, then the form). The root
    // goes last, as React sends it: Next decodes the stream as it arrives and resolves "$K1" when it reads "0".
    const fields = spec.form?.(world);
    const args = [...(spec.bound?.(world) ?? []), ...(fields && spec.state !== false ? [{}] : []), ...(fields ? ["$K1"] : [])];
    const body = new FormData();
    for (const [field, value] of Object.entries(fields ?? {})) body.append(`_1_${field}`, value);
    body.append("0", JSON.stringify(args));
    return send(url, { method: "POST", body, headers: { "next-action": actionId, accept: "text/x-component", origin: appUrl(), ...headers } });
  }

  /**
   * How the action said no: a redirect to sign-in, an AppError code in its returned state, or (for actions that return
   * only the message) the standard AppError messages of lib/teams/resolve-team-access.ts and the getXOrThrow lookups.
   */
  function refusal(res: { status: number; headers: Headers; text: string }): string | null {
    const redirect = res.headers.get("x-action-redirect") ?? res.headers.get("location") ?? "";
    if (redirect.includes("/sign-in")) return "sign-in redirect";
    if (res.status === 401) return "unauthorized";
    const code = /"code":"(unauthorized|forbidden|not_found)"/.exec(res.text)?.[1];
    if (code) return code;
    const message = /"error":"([^"]*)"/.exec(res.text)?.[1] ?? "";
    if (/sign in/i.test(message)) return "unauthorized";
    if (/not found/i.test(message)) return "not_found";
    if (/does not allow|only an? /i.test(message)) return "forbidden";
    return null;
  }
});

// Attacks that no URL shows: ids inside bodies, access that shrank after a key was made or a stream was opened, a
// restricted project's answer, an archived project's money. Issue 15, points 1–5.
describe("attacks through bodies, demotions, open streams and archived projects", () => {
  let a: Attacks;
  const EDIT_WITH_SECRET = () => ({ mode: "edit", model: "kling-v3", parameters: { prompt: "copy" }, references: [{ assetId: a.secretAsset.id }] });

  beforeAll(async () => {
    a = await buildAttacks(world);
    // `next dev` registers a page's actions when it first compiles it.
    for (const project of [a.open, a.archived]) {
      const page = await fetch(`${appUrl()}/projects/${project.id}`, { headers: world.owner.headers, signal: AbortSignal.timeout(240_000) });
      await page.text();
    }
  }, 300_000);

  async function api(pathname: string, headers: Record<string, string>, init: { method?: string; body?: unknown } = {}) {
    const res = await fetch(`${appUrl()}${pathname}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(45_000),
    });
    return { status: res.status, body: (await res.text()) };
  }
  const generationsOf = (projectId: string) => db.generation.count({ where: { projectId } });
  const inputsUsing = (assetId: string) => db.generationInput.count({ where: { assetId } });

  it("1: a restricted project's image can't be used as a reference by someone who may not read it", async () => {
    const before = await inputsUsing(a.secretAsset.id);
    for (const [who, headers] of [["editor not named on the project", a.unnamedEditor.headers], ["key scoped to another project", a.scopedKey]] as const) {
      const res = await api(`/api/v1/projects/${a.open.id}/generations`, headers, { method: "POST", body: EDIT_WITH_SECRET() });
      expect(res.status, `${who}: ${res.body}`).toBe(422);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "validation_failed", fields: { "references.0.assetId": expect.any(String) } } });
      // Re-running a generation whose stored input is the secret image is the same attack.
      const rerun = await api(`/api/v1/generations/${a.leakyGeneration.id}/rerun`, headers, { method: "POST", body: {} });
      expect(rerun.status, `${who} re-run: ${rerun.body}`).toBe(422);
      expect(JSON.parse(rerun.body)).toMatchObject({ error: { fields: { "references.0.assetId": expect.any(String) } } });
    }
    // The studio's generate form sends reference asset ids too.
    const id = actionId("app/(studio)/projects/[projectId]/actions.ts", "generateAction");
    const action = await callAction(`${appUrl()}/projects/${a.open.id}`, id, {
      bound: [a.open.id],
      form: { entry: "kling-v3|edit", prompt: "copy", referenceAssetId: a.secretAsset.id },
    }, a.unnamedEditor.headers);
    expect(action.text).toMatch(/not found/i);
    expect(await inputsUsing(a.secretAsset.id)).toBe(before);
    // Someone who may read the project can use it: the refusals above are about access, not a broken fixture.
    const owner = await api(`/api/v1/projects/${a.open.id}/generations`, a.owner.headers, { method: "POST", body: EDIT_WITH_SECRET() });
    expect(owner.status, owner.body).toBe(202);
    const ownerRerun = await api(`/api/v1/generations/${a.leakyGeneration.id}/rerun`, a.owner.headers, { method: "POST", body: {} });
    expect(ownerRerun.status, ownerRerun.body).toBe(202);
  });

  it("2: a key never does more than its creator can do now", async () => {
    expect((await api(`/api/v1/projects/${a.restricted.id}`, a.adminKey)).status).toBe(200);
    const demoted = await api(`/api/v1/teams/${a.teamId}/members/${a.admin.user.id}`, a.owner.headers, { method: "PATCH", body: { role: "viewer" } });
    expect(demoted.status, demoted.body).toBe(200);
    const before = await generationsOf(a.open.id);
    const submit = await api(`/api/v1/projects/${a.open.id}/generations`, a.adminKey, {
      method: "POST", body: { mode: "text-to-image", model: "kling-v3", parameters: { prompt: "still here" } },
    });
    expect(submit.status, submit.body).toBe(403);
    expect(await generationsOf(a.open.id)).toBe(before);
    expect((await api(`/api/v1/projects/${a.restricted.id}`, a.adminKey)).status).toBe(404);
    const listed = await api(`/api/v1/teams/${a.teamId}/projects`, a.adminKey);
    expect(listed.status).toBe(200);
    expect(listed.body).not.toContain(a.restricted.id);
    // Reading what a viewer may read still works: the key is capped, not broken.
    expect((await api(`/api/v1/projects/${a.open.id}`, a.adminKey)).status).toBe(200);
  });

  it("3: an open event stream ends once its caller's access does", { timeout: 60_000 }, async () => {
    for (const [what, headers, cut] of [
      ["member removed", a.streamer.headers, () => api(`/api/v1/teams/${a.teamId}/members/${a.streamer.user.id}`, a.owner.headers, { method: "DELETE" })],
      ["key revoked", a.streamKey.headers, () => api(`/api/v1/teams/${a.teamId}/api-keys/${a.streamKey.id}`, a.owner.headers, { method: "DELETE" })],
    ] as const) {
      const res = await fetch(`${appUrl()}/api/v1/projects/${a.open.id}/events`, { headers: { ...headers, accept: "text/event-stream" } });
      expect(res.status, what).toBe(200);
      const reader = res.body!.getReader();
      let text = "";
      const ended = (async () => {
        for (;;) {
          const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })();
      await expect.poll(() => text, { timeout: 10_000 }).toContain(": connected");
      const cutAt = Date.now();
      expect((await cut()).status, what).toBeLessThan(300);
      const outcome = await Promise.race([ended.then(() => "ended"), new Promise((r) => setTimeout(() => r("still open"), 10_000))]);
      expect(outcome, `${what}: the stream must end`).toBe("ended");
      expect(Date.now() - cutAt, what).toBeLessThan(10_000);
      await reader.cancel().catch(() => undefined);
    }
  });

  it("4: a restricted project a member isn't named on answers exactly like a project that doesn't exist", async () => {
    const missing = createId("project");
    for (const [route, method, body] of [
      ["budget", "GET", undefined],
      ["", "GET", undefined],
      ["generations", "POST", { mode: "text-to-image", model: "kling-v3", parameters: { prompt: "hi" } }],
    ] as const) {
      const path = (id: string) => `/api/v1/projects/${id}${route ? `/${route}` : ""}`;
      for (const headers of [a.unnamedEditor.headers, world.attackers.find((x) => x.kind === "viewer")!.headers]) {
        const hidden = await api(path(a.restricted.id), { ...headers, "content-type": "application/json" }, { method, body });
        const absent = await api(path(missing), { ...headers, "content-type": "application/json" }, { method, body });
        expect([hidden.status, hidden.body], `${method} ${route}`).toEqual([404, absent.body]);
        expect(absent.status).toBe(404);
      }
    }
  });

  it("5: an archived project accepts no generation, from the API, a re-run or the studio", async () => {
    const before = await Promise.all([generationsOf(a.archived.id), db.spendEntry.count({ where: { projectId: a.archived.id } })]);
    const submit = await api(`/api/v1/projects/${a.archived.id}/generations`, a.owner.headers, {
      method: "POST", body: { mode: "text-to-image", model: "kling-v3", parameters: { prompt: "one more" } },
    });
    expect(submit.status, submit.body).toBe(409);
    expect(JSON.parse(submit.body)).toMatchObject({ error: { code: "project_archived" } });
    const rerun = await api(`/api/v1/generations/${a.archivedGeneration.id}/rerun`, a.owner.headers, { method: "POST", body: {} });
    expect(rerun.status, rerun.body).toBe(409);
    expect(JSON.parse(rerun.body)).toMatchObject({ error: { code: "project_archived" } });
    const action = await callAction(`${appUrl()}/projects/${a.archived.id}`, actionId("app/(studio)/projects/[projectId]/actions.ts", "generateAction"), {
      bound: [a.archived.id],
      form: { entry: "kling-v3|text-to-image", prompt: "one more" },
    }, a.owner.headers);
    expect(action.text).toMatch(/archived/i);
    expect(await Promise.all([generationsOf(a.archived.id), db.spendEntry.count({ where: { projectId: a.archived.id } })])).toEqual(before);
  });
});
