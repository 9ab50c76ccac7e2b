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
import { ACTIONS, PUBLIC_ROUTES, ROUTE_BODIES, SELF_ROUTES, VIEWER_MAY_WRITE } from "./registry";

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
