// A team's provider key, once saved, never leaves the server again: not in the save response, not in any API
// response, not in any page (every GET route and every page under app/ is fetched as the team's owner and searched).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { resolveProviderConfig } from "@/lib/providers-config/resolve-provider-config";
import * as sim from "@/simulator/credentials";
import { discoverPages, discoverRoutes, fillTemplate } from "../access/discover";
import { buildWorld, type World } from "../access/world";

let world: World;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${inject("appUrl")}${path}`, { ...init, redirect: "manual", headers: { "content-type": "application/json", ...world.owner.headers, ...init.headers } });
const SECRETS = [sim.KLING_SECRET_KEY, sim.KLING_ACCESS_KEY];

beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

describe("provider credentials over HTTP", () => {
  it("refuses a wrong key with a field message and stores nothing", async () => {
    const res = await api(`/api/v1/teams/${world.team.id}/credentials/runware`, { method: "PUT", body: JSON.stringify({ apiKey: "definitely-wrong" }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: "validation_failed", fields: { apiKey: expect.stringContaining("refused") } } });
    expect(await db.providerCredential.count({ where: { teamId: world.team.id, provider: "runware" } })).toBe(0);
  });

  it("saves, encrypts, uses, and never shows the key again", async () => {
    const res = await api(`/api/v1/teams/${world.team.id}/credentials/kling`, {
      method: "PUT",
      body: JSON.stringify({ accessKey: sim.KLING_ACCESS_KEY, secretKey: sim.KLING_SECRET_KEY }),
    });
    const saved = await res.text();
    expect(res.status, saved).toBe(200);
    expect(JSON.parse(saved)).toMatchObject({ provider: "kling", last4: "cess", checkedAt: expect.any(String) });

    const [raw] = await db.$queryRaw<{ encrypted: string }[]>`SELECT "encrypted" FROM "ProviderCredential" WHERE "teamId" = ${world.team.id} AND "provider" = 'kling'`;
    for (const secret of SECRETS) expect(raw!.encrypted).not.toContain(secret);
    expect((await resolveProviderConfig({ teamId: world.team.id, provider: "kling" })).config.credentials).toEqual({
      accessKey: sim.KLING_ACCESS_KEY,
      secretKey: sim.KLING_SECRET_KEY,
    });

    const leaks: string[] = [saved].flatMap((body) => SECRETS.filter((s) => body.includes(s)).map((s) => `PUT response contains ${s}`));
    for (const route of discoverRoutes().filter((r) => r.methods.includes("GET") && !r.template.startsWith("/api/auth") && !r.template.startsWith("/api/webhooks"))) {
      const res = await api(fillTemplate(route.template, world.SEGMENTS, route.file), { signal: AbortSignal.timeout(30_000) });
      const body = res.headers.get("content-type")?.includes("text/event-stream") ? (await res.body?.cancel(), "") : await res.text();
      for (const secret of SECRETS) if (body.includes(secret)) leaks.push(`GET ${route.template} contains ${secret}`);
    }
    for (const page of discoverPages()) {
      const body = await (await api(fillTemplate(page.template, world.SEGMENTS, page.file), { headers: { accept: "text/html" } })).text();
      for (const secret of SECRETS) if (body.includes(secret)) leaks.push(`page ${page.template} contains ${secret}`);
    }
    expect(leaks).toEqual([]);

    // React separates adjacent text with <!-- --> in server-rendered HTML.
    const providers = (await (await api("/settings/providers")).text()).replaceAll("<!-- -->", "");
    expect(providers).toContain("Using your key ••••cess");
    // Every route and page is fetched (and, on a fresh dev server, compiled) once.
  }, 600_000);
});
