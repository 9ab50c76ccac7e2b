import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createKlingToken } from "@/lib/providers/kling/jwt";
import { KLING_ACCESS_KEY, KLING_SECRET_KEY } from "@/simulator/credentials";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { referenceAsset, sim, waitForSettled } from "@/tests/helpers/pipeline";
import { createTestElement, testImage, uploadElementImage } from "@/tests/helpers/elements";

// Issue 14 item 1 over HTTP, through the real worker and the simulator: an element used in O3 generations on Kling's
// official API is registered in Kling's element library on first use and that id reused; an edit is a new version
// (registered anew) while earlier generations keep theirs; an element deleted at Kling is registered again, once;
// fal takes the same element inline. Another team's element is refused in a submit.
type KlingTask = { task_id: string; task_result: { elements: { element_id: number | string; element_name: string }[] } };

async function klingElements(name: string): Promise<string[]> {
  const token = await createKlingToken({ accessKey: KLING_ACCESS_KEY, secretKey: KLING_SECRET_KEY });
  const res = await fetch(`${inject("stackEnv").SIMULATOR_URL}/kling/v1/general/advanced-custom-elements?pageNum=1&pageSize=500`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // Element ids are longs beyond 2^53: read them as digits from the text, never through JSON.parse's doubles.
  const text = await res.text();
  const tasks = (JSON.parse(text.replace(/"element_id":(\d+)/g, '"element_id":"$1"')) as { data: KlingTask[] }).data;
  return tasks.flatMap((t) => t.task_result.elements.filter((e) => e.element_name === name).map((e) => String(e.element_id)));
}

async function deleteAtKling(elementId: string) {
  const token = await createKlingToken({ accessKey: KLING_ACCESS_KEY, secretKey: KLING_SECRET_KEY });
  const res = await fetch(`${inject("stackEnv").SIMULATOR_URL}/kling/v1/general/delete-elements`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ element_id: elementId }),
  });
  expect(res.status).toBe(200);
}

/** The element ids Kling received for a generation, as the digits on the wire. */
async function sentElementIds(generationId: string): Promise<string[]> {
  const { providerTaskId } = await db.generation.findUniqueOrThrow({ where: { id: generationId } });
  const text = await (await fetch(`${inject("stackEnv").SIMULATOR_URL}/_sim/jobs/kling/${providerTaskId}`)).text();
  return [...text.matchAll(/"element_id":(\d+)/g)].map((m) => m[1]!);
}

describe("elements in O3 generations", () => {
  it("registers an element at Kling once, reuses it, keeps each generation's version and re-creates it once when deleted there", { timeout: 240_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, team, project } = await memberOfNewTeam("editor");
    const name = `Mira ${team.id.slice(-6)}`;
    const element = await createTestElement(api, team.id, { name, references: 3 });
    const [first, second] = await Promise.all([0, 1].map((i) => referenceAsset({ teamId: team.id, projectId: project.id, hue: 40 + i * 80 })));
    const generate = async (provider: "kling" | "fal") => {
      const res = await api(`/api/v1/projects/${project.id}/generations`, {
        method: "POST",
        body: JSON.stringify({
          mode: "multi-reference", model: "kling-v3-omni", provider,
          parameters: { prompt: "@element1 walking through the scene of @image1, lit like @image2", num_images: 1 },
          references: [{ assetId: first!.id }, { assetId: second!.id }],
          elementIds: [element.id],
        }),
      });
      expect(res.status, await res.clone().text()).toBe(202);
      const { id } = (await res.json()) as { id: string };
      await waitForSettled([id]);
      const generation = await db.generation.findUniqueOrThrow({ where: { id }, include: { elements: { include: { elementVersion: true } }, outputs: true } });
      expect(generation.status, generation.errorMessage ?? "").toBe("succeeded");
      return generation;
    };

    // First use: created at Kling, the id remembered for this version and key.
    const g1 = await generate("kling");
    const [createdId, ...extra] = await klingElements(name);
    expect(extra).toEqual([]);
    expect(await sentElementIds(g1.id)).toEqual([createdId]);
    // Reused, not created again.
    const g2 = await generate("kling");
    expect(await klingElements(name)).toEqual([createdId]);
    expect(await sentElementIds(g2.id)).toEqual([createdId]);
    const detail = async () => (await (await api(`/api/v1/teams/${team.id}/elements/${element.id}`)).json()) as {
      usageCount: number; currentVersion: number; versions: { version: number; usageCount: number; images: unknown[] }[];
    };
    expect((await detail()).usageCount).toBe(2);

    // fal takes the element inline: frontal + three reference images, nothing registered anywhere.
    const g3 = await generate("fal");
    const falInput = (await sim<{ input: { elements: { frontal_image_url: string; reference_image_urls: string[] }[]; prompt: string } }>(
      `/jobs/fal/${encodeURIComponent(g3.providerTaskId!)}`,
    )).input;
    expect(falInput.elements).toHaveLength(1);
    expect(falInput.elements[0]!.reference_image_urls).toHaveLength(3);
    expect(falInput.prompt).toContain("@Element1");
    expect(await klingElements(name)).toEqual([createdId]);

    // An edit is version 2; the earlier generations still record version 1.
    const upload = await uploadElementImage(api, team.id, await testImage("#202020"));
    const { uploadKey } = (await upload.json()) as { uploadKey: string };
    const edited = await api(`/api/v1/teams/${team.id}/elements/${element.id}`, { method: "PATCH", body: JSON.stringify({ frontal: { uploadKey } }) });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const g4 = await generate("kling");
    expect([g1, g2, g3].map((g) => g.elements[0]!.elementVersion.version)).toEqual([1, 1, 1]);
    expect(g4.elements[0]!.elementVersion.version).toBe(2);
    const afterEdit = await klingElements(name);
    expect(afterEdit).toHaveLength(2);
    const v2Id = afterEdit.find((id) => id !== createdId)!;
    expect(await sentElementIds(g4.id)).toEqual([v2Id]);
    const after = await detail();
    expect([after.currentVersion, after.usageCount]).toEqual([2, 4]);
    expect(after.versions.map((v) => [v.version, v.usageCount, v.images.length])).toEqual([[2, 1, 1], [1, 3, 3]]);

    // Deleted at Kling: the provider's "not found" answer re-creates it, once, and the job still goes through.
    await deleteAtKling(v2Id);
    const g5 = await generate("kling");
    const recreated = (await klingElements(name)).filter((id) => id !== createdId);
    expect(recreated).toHaveLength(1);
    expect(recreated[0]).not.toBe(v2Id);
    expect(await sentElementIds(g5.id)).toEqual([recreated[0]]);
    const refs = await db.elementProviderRef.findMany({ where: { elementVersion: { elementId: element.id } }, orderBy: { createdAt: "asc" } });
    expect(refs.map((r) => r.providerElementId)).toEqual([createdId, recreated[0]]);
  });

  it("sends an element to Segmind inline with V3 text-to-image and to WaveSpeed O3 as reference images named in words", { timeout: 240_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, team, project } = await memberOfNewTeam("editor");
    const name = `Juno ${team.id.slice(-6)}`;
    const element = await createTestElement(api, team.id, { name, references: 2 });
    const [first, second] = await Promise.all([0, 1].map((i) => referenceAsset({ teamId: team.id, projectId: project.id, hue: 200 + i * 60 })));
    const generate = async (body: object) => {
      const res = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body: JSON.stringify({ ...body, elementIds: [element.id] }) });
      expect(res.status, await res.clone().text()).toBe(202);
      const { id } = (await res.json()) as { id: string };
      await waitForSettled([id]);
      const generation = await db.generation.findUniqueOrThrow({ where: { id }, include: { elements: { include: { elementVersion: true } } } });
      expect(generation.status, generation.errorMessage ?? "").toBe("succeeded");
      return generation;
    };
    type Sent = { prompt: string; elements?: { frontal_image_url: string; reference_image_urls: string[] }[]; images?: string[]; element_list?: unknown };
    const sent = async (provider: string, taskId: string) => (await sim<{ input: Sent }>(`/jobs/${provider}/${encodeURIComponent(taskId)}`)).input;
    const path = (url: string) => new URL(url).pathname;

    // Segmind: no O3, but kling-3-text2image takes `elements[]` with the prompt's `(element1)` (seed 003).
    const onSegmind = await generate({ mode: "text-to-image", model: "kling-v3", provider: "segmind", parameters: { prompt: "@element1 reading on a train", num_images: 1 } });
    const segmind = await sent("segmind", onSegmind.providerTaskId!);
    expect(segmind.prompt).toBe("(element1) reading on a train");
    expect(segmind.elements).toHaveLength(1);
    expect(segmind.elements![0]!.reference_image_urls).toHaveLength(2);
    const version = onSegmind.elements[0]!.elementVersion;
    expect(version.version).toBe(1);
    expect(path(segmind.elements![0]!.frontal_image_url)).toContain(version.frontalImageKey);

    // WaveSpeed O3: the two references first, then the element's frontal and its two views, all in `images`; the
    // prompt names the element; nothing in element_list (its ids are WaveSpeed's own, seed 001).
    const onWaveSpeed = await generate({
      mode: "multi-reference", model: "kling-v3-omni", provider: "wavespeed",
      parameters: { prompt: "@element1 in the room of @image1, lit like @image2", num_images: 1 },
      references: [{ assetId: first!.id }, { assetId: second!.id }],
    });
    const wavespeed = await sent("wavespeed", onWaveSpeed.providerTaskId!);
    expect(wavespeed.prompt).toBe(`${name} in the room of @image1, lit like @image2`);
    expect(wavespeed.element_list).toBeUndefined();
    expect(wavespeed.images!.map(path)).toEqual([
      expect.stringContaining(first!.storageKey), expect.stringContaining(second!.storageKey),
      expect.stringContaining(version.frontalImageKey), ...version.referenceImageKeys.map((key) => expect.stringContaining(key)),
    ]);
    expect(onWaveSpeed.elements.map((e) => e.elementVersion.id)).toEqual([version.id]);
    const detail = (await (await api(`/api/v1/teams/${team.id}/elements/${element.id}`)).json()) as { usageCount: number };
    expect(detail.usageCount).toBe(2);
    // Nothing was registered in Kling's library for either.
    expect(await klingElements(name)).toEqual([]);

    // What a provider can't take is refused before anything is spent, with the reason beside the field.
    const edit = await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "edit", model: "kling-v3", provider: "segmind", parameters: { prompt: "@element1 added" }, references: [{ assetId: first!.id }], elementIds: [element.id] }),
    });
    expect(edit.status).toBe(422);
    expect(((await edit.json()) as { error: { fields: Record<string, string> } }).error.fields.elements).toMatch(/Segmind takes no elements with Kling Image V3 edit/);
  });

  it("sends an element to fal inline with V3 text-to-image and edit, as elements[{frontal_image_url, reference_image_urls}] named @Element1", { timeout: 240_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, team, project } = await memberOfNewTeam("editor");
    const element = await createTestElement(api, team.id, { name: `Vela ${team.id.slice(-6)}`, references: 2 });
    const source = await referenceAsset({ teamId: team.id, projectId: project.id, hue: 120 });
    const generate = async (body: object) => {
      const res = await api(`/api/v1/projects/${project.id}/generations`, { method: "POST", body: JSON.stringify({ ...body, model: "kling-v3", provider: "fal", elementIds: [element.id] }) });
      expect(res.status, await res.clone().text()).toBe(202);
      const { id } = (await res.json()) as { id: string };
      await waitForSettled([id]);
      const generation = await db.generation.findUniqueOrThrow({ where: { id }, include: { elements: { include: { elementVersion: true } } } });
      expect(generation.status, generation.errorMessage ?? "").toBe("succeeded");
      const job = await sim<{ job: { endpoint: string; plannedOutcome: string }; input: { prompt: string; image_url?: string; elements: { frontal_image_url: string; reference_image_urls: string[] }[] } }>(
        `/jobs/fal/${encodeURIComponent(generation.providerTaskId!)}`,
      );
      return { generation, job };
    };
    const path = (url: string) => new URL(url).pathname;
    const [version] = await db.elementVersion.findMany({ where: { elementId: element.id } });

    // Text-to-image: fal's V3 endpoint, the element inline (frontal + both views, presigned from our storage) and the
    // studio's @element1 written as fal's @Element1.
    const t2i = await generate({ mode: "text-to-image", parameters: { prompt: "@element1 on a windy pier at dusk", num_images: 1 } });
    expect(t2i.job.job.endpoint).toBe("fal-ai/kling-image/v3/text-to-image");
    expect(t2i.job.input.prompt).toBe("@Element1 on a windy pier at dusk");
    expect(t2i.job.input.elements).toHaveLength(1);
    expect(path(t2i.job.input.elements[0]!.frontal_image_url)).toContain(version!.frontalImageKey);
    expect(t2i.job.input.elements[0]!.reference_image_urls.map(path)).toEqual(version!.referenceImageKeys.map((key) => expect.stringContaining(key)));
    expect(t2i.generation.elements.map((e) => [e.elementVersion.id, e.elementVersion.version])).toEqual([[version!.id, 1]]);

    // Edit: the image to edit in image_url, the element beside it.
    const edit = await generate({ mode: "edit", parameters: { prompt: "put @element1 in the foreground" }, references: [{ assetId: source.id }] });
    expect(edit.job.job.endpoint).toBe("fal-ai/kling-image/v3/image-to-image");
    expect([edit.job.input.prompt, edit.job.input.elements.length]).toEqual(["put @Element1 in the foreground", 1]);
    expect(path(edit.job.input.image_url!)).toContain(source.storageKey);
    expect(edit.generation.elements.map((e) => e.elementVersion.version)).toEqual([1]);
  });

  it("re-runs with the element versions the original recorded, or each element's latest when asked", { timeout: 240_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, team, project } = await memberOfNewTeam("editor");
    const name = `Rerun ${team.id.slice(-6)}`;
    const element = await createTestElement(api, team.id, { name, references: 1 });
    const settled = async (res: Response) => {
      expect(res.status, await res.clone().text()).toBe(202);
      const { id } = (await res.json()) as { id: string };
      await waitForSettled([id]);
      const g = await db.generation.findUniqueOrThrow({ where: { id }, include: { elements: { include: { elementVersion: true } } } });
      expect(g.status, g.errorMessage ?? "").toBe("succeeded");
      return g;
    };
    const original = await settled(await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "multi-reference", model: "kling-v3-omni", provider: "kling", parameters: { prompt: "@element1 on a bench", num_images: 1 }, elementIds: [element.id] }),
    }));
    const [v1Id] = await sentElementIds(original.id);
    const upload = await uploadElementImage(api, team.id, await testImage("#305070"));
    const { uploadKey } = (await upload.json()) as { uploadKey: string };
    expect((await api(`/api/v1/teams/${team.id}/elements/${element.id}`, { method: "PATCH", body: JSON.stringify({ frontal: { uploadKey } }) })).status).toBe(200);

    const rerun = (body: object) => api(`/api/v1/generations/${original.id}/rerun`, { method: "POST", body: JSON.stringify(body) });
    // Default: the recorded version 1, sent with the id Kling already holds for it (nothing registered again).
    const same = await settled(await rerun({}));
    expect(same.elements.map((e) => e.elementVersion.version)).toEqual([1]);
    expect(await sentElementIds(same.id)).toEqual([v1Id]);
    // Asked for: the current version 2, registered at Kling on this first use.
    const latest = await settled(await rerun({ elementVersions: "latest" }));
    expect(latest.elements.map((e) => e.elementVersion.version)).toEqual([2]);
    expect(await sentElementIds(latest.id)).not.toEqual([v1Id]);
    expect(await klingElements(name)).toHaveLength(2);
    // The image detail says which versions were used and what is current, for the re-run choice it offers.
    const [asset] = await db.asset.findMany({ where: { generationId: original.id } });
    const detail = (await (await api(`/api/v1/assets/${asset!.id}`)).json()) as { generation: { elements: unknown[] } };
    expect(detail.generation.elements).toEqual([{ elementId: element.id, name, version: 1, currentVersion: 2, archived: false }]);
    expect((await rerun({ elementVersions: "newest" })).status).toBe(422);
  });

  it("creates a new element once when several generations use it at the same moment", { timeout: 180_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, team, project } = await memberOfNewTeam("editor");
    const name = `Duo ${team.id.slice(-6)}`;
    const element = await createTestElement(api, team.id, { name, references: 1 });
    const ids = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const res = await api(`/api/v1/projects/${project.id}/generations`, {
          method: "POST",
          body: JSON.stringify({ mode: "multi-reference", model: "kling-v3-omni", provider: "kling", parameters: { prompt: `@element1, take ${i}` }, elementIds: [element.id] }),
        });
        expect(res.status).toBe(202);
        return ((await res.json()) as { id: string }).id;
      }),
    );
    await waitForSettled(ids);
    const made = await klingElements(name);
    expect(made).toHaveLength(1);
    for (const id of ids) {
      expect((await db.generation.findUniqueOrThrow({ where: { id } })).status).toBe("succeeded");
      expect(await sentElementIds(id)).toEqual(made);
    }
  });

  it("checks every image it is given: type and size of uploads, the team of an upload key, the project of a picked asset", { timeout: 60_000 }, async () => {
    const victim = await memberOfNewTeam("owner");
    const attacker = await memberOfNewTeam("owner");
    // Not an image, then too small for the providers, then too large to upload at all.
    const text = await uploadElementImage(attacker.api, attacker.team.id, Buffer.from("hello"), "text/plain");
    expect(text.status).toBe(415);
    const small = await uploadElementImage(attacker.api, attacker.team.id, await testImage("#ffffff", { width: 200, height: 200 }));
    expect([small.status, ((await small.json()) as { error: { fields: Record<string, string> } }).error.fields.file]).toEqual([422, expect.stringMatching(/300/)]);
    const huge = await uploadElementImage(attacker.api, attacker.team.id, Buffer.alloc(10_200_000, 1));
    expect(huge.status).toBe(413);

    const victimUpload = (await (await uploadElementImage(victim.api, victim.team.id, await testImage("#123456"))).json()) as { uploadKey: string };
    const create = (frontal: object) =>
      attacker.api(`/api/v1/teams/${attacker.team.id}/elements`, { method: "POST", body: JSON.stringify({ name: "Stolen", kind: "product", frontal }) });
    // Another team's upload key names bytes the attacker never uploaded: refused like a missing one.
    const byKey = await create({ uploadKey: victimUpload.uploadKey });
    expect([byKey.status, ((await byKey.json()) as { error: { fields: Record<string, string> } }).error.fields]).toEqual([422, { frontal: expect.any(String) }]);
    // Another team's asset is the same 404 as an unknown one.
    const asset = await referenceAsset({ teamId: victim.team.id, projectId: victim.project.id });
    expect((await create({ assetId: asset.id })).status).toBe(404);
    expect(await db.element.count({ where: { teamId: attacker.team.id } })).toBe(0);

    // The team's own gallery image is copied into the element (its own key, so a purge of the asset can't break it).
    const own = await referenceAsset({ teamId: attacker.team.id, projectId: attacker.project.id });
    const picked = await create({ assetId: own.id });
    expect(picked.status).toBe(201);
    const version = await db.elementVersion.findFirstOrThrow({ where: { element: { teamId: attacker.team.id } } });
    expect(version.frontalImageKey).toMatch(new RegExp(`^teams/${attacker.team.id}/uploads/`));
    expect(version.frontalImageKey).not.toBe(own.storageKey);
  });

  it("refuses an element of another team (or an archived one) in a submit", { timeout: 60_000 }, async () => {
    const victim = await memberOfNewTeam("owner");
    const theirs = await createTestElement(victim.api, victim.team.id, { name: "Secret" });
    const attacker = await memberOfNewTeam("owner");
    const submit = (api: typeof attacker.api, projectId: string, elementId: string) =>
      api(`/api/v1/projects/${projectId}/generations`, {
        method: "POST",
        body: JSON.stringify({ mode: "multi-reference", model: "kling-v3-omni", provider: "kling", parameters: { prompt: "@element1 smiling" }, elementIds: [elementId] }),
      });
    const refused = await submit(attacker.api, attacker.project.id, theirs.id);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: "validation_failed", fields: { "elementIds.0": expect.any(String) } } });
    // Nor can it be read or changed through the element routes of either team.
    expect((await attacker.api(`/api/v1/teams/${victim.team.id}/elements/${theirs.id}`)).status).toBe(404);
    expect((await attacker.api(`/api/v1/teams/${attacker.team.id}/elements/${theirs.id}`)).status).toBe(404);
    expect(await db.generation.count({ where: { projectId: attacker.project.id } })).toBe(0);

    const archived = await victim.api(`/api/v1/teams/${victim.team.id}/elements/${theirs.id}/archive`, { method: "POST", body: JSON.stringify({ archived: true }) });
    expect(archived.status).toBe(200);
    expect((await submit(victim.api, victim.project.id, theirs.id)).status).toBe(422);
  });
});
