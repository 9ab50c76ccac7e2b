import { describe, expect, it, inject } from "vitest";
import sharp from "sharp";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { addMember } from "@/prisma/factories/create-team";
import { createProjectRow } from "@/prisma/factories/create-project";
import { insertBulkAssets } from "@/prisma/factories/insert-bulk-assets";
import { memberOfNewTeam, signedInUser } from "@/tests/helpers/signed-in-user";
import { referenceAsset } from "@/tests/helpers/pipeline";

type Page = { data: { id: string; favourite: boolean; urls: { thumbSmall: string; original: string; expiresAt: string; routes: { thumbSmall: string } } }[]; nextCursor: string | null };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Generous timeouts: under `next dev` each route compiles on its first request, which takes long on a busy machine.
describe("gallery API", { timeout: 240_000 }, () => {
  it("pages a project's assets for a session and a scoped API key, and hides it from a key scoped elsewhere", async () => {
    const { api, team, project, user } = await memberOfNewTeam("owner");
    const image = await referenceAsset({ teamId: team.id, projectId: project.id, width: 64, height: 64 });
    await insertBulkAssets({ teamId: team.id, projectId: project.id, count: 250, images: [{ ...image, thumbSmallKey: null, thumbLargeKey: null }], createdByIds: [user.id] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/api/v1/projects/${project.id}/assets?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(251);
    expect((await api(`/api/v1/projects/${project.id}/assets?limit=201`)).status).toBe(422);

    const access = await resolveTeamAccess({ caller: { kind: "user", userId: user.id }, teamId: team.id, permission: "apikey.manage" });
    const other = await createProjectRow({ teamId: team.id });
    const scoped = await createApiKey({ access, input: { name: "here", access: "read", projectIds: [project.id] } });
    const elsewhere = await createApiKey({ access, input: { name: "there", access: "read", projectIds: [other.id] } });
    const withKey = (key: string) => fetch(`${inject("appUrl")}/api/v1/projects/${project.id}/assets?limit=5`, { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey(scoped.key)).status).toBe(200);
    expect((await withKey(elsewhere.key)).status).toBe(404);
  });

  it("gives the same image URLs on every render within a window, and the image route still loads the image after they expire", async () => {
    const { api, team, project } = await memberOfNewTeam("owner");
    await referenceAsset({ teamId: team.id, projectId: project.id, width: 48, height: 32 });
    const list = async () => ((await (await api(`/api/v1/projects/${project.id}/assets`)).json()) as Page).data[0]!;
    // Both requests inside one window (the stack signs in 5 s windows): start right after a boundary.
    const windowMs = 5000;
    await list(); // compiled and warm, so the two requests below are quick
    await sleep(windowMs - (Date.now() % windowMs) + 100);
    const [a, b] = [await list(), await list()];
    expect(b.urls).toEqual(a.urls);
    expect((await fetch(a.urls.thumbSmall)).status).toBe(200);

    await sleep(new Date(a.urls.expiresAt).getTime() - Date.now() + 1500);
    expect((await fetch(a.urls.thumbSmall)).status, "an expired presigned URL must stop working").toBe(403);
    const redirect = await api(a.urls.routes.thumbSmall, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    const image = await fetch(redirect.headers.get("location")!);
    expect(image.status).toBe(200);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(48);
    // Nobody else follows the route: no session, no image.
    expect((await fetch(`${inject("appUrl")}${a.urls.routes.thumbSmall}`, { redirect: "manual" })).status).toBe(401);
  });

  it("lets an editor favourite, tag, trash and restore while a viewer only reads", async () => {
    const { api, team, project } = await memberOfNewTeam("owner");
    const asset = await referenceAsset({ teamId: team.id, projectId: project.id, width: 40, height: 40 });
    const viewer = await signedInUser();
    await addMember({ teamId: team.id, userId: viewer.user.id, role: "viewer" });
    expect((await viewer.api(`/api/v1/assets/${asset.id}`)).status).toBe(200);
    expect((await viewer.api(`/api/v1/assets/${asset.id}`, { method: "PATCH", body: JSON.stringify({ favourite: true }) })).status).toBe(403);
    expect((await viewer.api(`/api/v1/assets/${asset.id}`, { method: "DELETE" })).status).toBe(403);

    const patched = await api(`/api/v1/assets/${asset.id}`, { method: "PATCH", body: JSON.stringify({ favourite: true, rating: 4, approvalStatus: "approved" }) });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ favourite: true, rating: 4, approvalStatus: "approved" });
    expect(await (await api(`/api/v1/assets/${asset.id}/tags`, { method: "POST", body: JSON.stringify({ add: ["hero"] }) })).json()).toEqual({ id: asset.id, tags: ["hero"] });
    const favourites = (await (await api(`/api/v1/projects/${project.id}/assets?favourite=true&tag=hero&approval=approved`)).json()) as Page;
    expect(favourites.data.map((a) => a.id)).toEqual([asset.id]);

    expect((await api(`/api/v1/assets/${asset.id}`, { method: "DELETE" })).status).toBe(200);
    expect(((await (await api(`/api/v1/projects/${project.id}/assets`)).json()) as Page).data).toEqual([]);
    expect(((await (await api(`/api/v1/projects/${project.id}/assets?trash=true`)).json()) as Page).data.map((a) => a.id)).toEqual([asset.id]);
    expect((await api(`/api/v1/assets/${asset.id}/restore`, { method: "POST" })).status).toBe(200);
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).deletedAt).toBeNull();
  });

  it("downloads a converted copy and a ZIP posted by a plain form", async () => {
    const { api, team, project } = await memberOfNewTeam("viewer");
    const assets = [await referenceAsset({ teamId: team.id, projectId: project.id, width: 300, height: 200, hue: 10 }), await referenceAsset({ teamId: team.id, projectId: project.id, width: 30, height: 20, hue: 20 })];
    const webp = await api(`/api/v1/assets/${assets[0]!.id}/download?format=webp&size=150`);
    expect([webp.status, webp.headers.get("content-type")]).toEqual([200, "image/webp"]);
    expect((await sharp(Buffer.from(await webp.arrayBuffer())).metadata())).toMatchObject({ format: "webp", width: 150, height: 100 });
    const original = await api(`/api/v1/assets/${assets[0]!.id}/download`, { redirect: "manual" });
    expect(original.status).toBe(302);
    expect(Buffer.from(await (await fetch(original.headers.get("location")!)).arrayBuffer()).length).toBe(assets[0]!.bytes);

    const zip = await api(`/api/v1/projects/${project.id}/assets/zip`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(assets.map((a) => ["assetIds", a.id])).toString(),
    });
    expect([zip.status, zip.headers.get("content-type")]).toEqual([200, "application/zip"]);
    const bytes = Buffer.from(await zip.arrayBuffer());
    for (const a of assets) expect(bytes.includes(Buffer.from(`${a.id}.png`))).toBe(true);
    expect(bytes.length).toBeGreaterThan(assets[0]!.bytes + assets[1]!.bytes);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${inject("appUrl")}/api/v1/openapi.json`)).json()) as { paths: Record<string, { get?: { parameters: { name: string }[] } }> };
    const names = doc.paths["/api/v1/projects/{projectId}/assets"]!.get!.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["cursor", "limit", "sort", "status", "model", "provider", "aspectRatio", "resolution", "memberId", "favourite", "tag", "approval", "from", "to", "q", "trash"]));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/assets/{assetId}", "/api/v1/assets/{assetId}/image", "/api/v1/assets/{assetId}/download", "/api/v1/projects/{projectId}/assets/zip", "/api/v1/projects/{projectId}/assets/bulk"]));
  });
});
