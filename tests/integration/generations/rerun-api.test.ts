import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";

// The re-run route over HTTP: the same job again (a new seed unless pinned, overrides applied), sent and finished like
// any submit, and an Idempotency-Key honoured as on the submit route.
type SimJob = { correlationId: string | null };
type Created = { id: string; status: string };

describe("POST /api/v1/generations/:generationId/rerun", () => {
  it("runs a generation again with a new seed, or the same one when pinned, each sent once", { timeout: 120_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, project } = await memberOfNewTeam("editor");
    const submitted = await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      // Runware takes a seed; it answers by polling and a URL-token webhook.
      body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "runware", parameters: { prompt: "Again, please", num_images: 1, seed: 1234 } }),
    });
    expect(submitted.status).toBe(202);
    const original = ((await submitted.json()) as Created).id;
    await waitForSettled([original]);

    const rerun = (body: unknown, key?: string) =>
      api(`/api/v1/generations/${original}/rerun`, { method: "POST", body: JSON.stringify(body), headers: key ? { "idempotency-key": key } : {} });
    const fresh = await rerun({});
    expect(fresh.status).toBe(202);
    const freshId = ((await fresh.json()) as Created).id;
    const pinned = await rerun({ pinSeed: true, parameters: { num_images: 2 } }, "rerun-pinned");
    expect(pinned.status).toBe(202);
    const pinnedId = ((await pinned.json()) as Created).id;
    const replay = await rerun({ pinSeed: true, parameters: { num_images: 2 } }, "rerun-pinned");
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as Created).id).toBe(pinnedId);

    await waitForSettled([freshId, pinnedId]);
    const [a, b] = await Promise.all([freshId, pinnedId].map((id) => db.generation.findUniqueOrThrow({ where: { id }, include: { outputs: true } })));
    for (const g of [a!, b!]) {
      expect([g.status, g.rerunOfId, g.prompt, g.model, g.provider]).toEqual(["succeeded", original, "Again, please", "kling-v3", "runware"]);
    }
    expect(a!.seed).not.toBe(1234);
    expect([b!.seed, b!.outputs.length]).toEqual([1234, 2]);
    // Runware's task UUID is derived from our correlation id, so the simulator files each job under it.
    const { jobs } = await sim<{ jobs: SimJob[] }>("/jobs");
    const taskIds = await db.generation.findMany({ where: { projectId: project.id }, select: { providerTaskId: true } });
    expect(taskIds.every((t) => t.providerTaskId)).toBe(true);
    for (const { providerTaskId } of taskIds) expect(jobs.filter((j) => j.correlationId === providerTaskId)).toHaveLength(1);
    expect(await db.generation.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("sends a re-run's and a remix's outputs to the collection the original's went to, and says so in the API", { timeout: 120_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, project } = await memberOfNewTeam("editor");
    const made = await api(`/api/v1/projects/${project.id}/collections`, { method: "POST", body: JSON.stringify({ name: "Campaign" }) });
    expect(made.status, await made.clone().text()).toBe(201);
    const collection = (await made.json()) as { id: string };
    const submitted = await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "runware", parameters: { prompt: "For the campaign", num_images: 1 }, collectionId: collection.id }),
    });
    expect(submitted.status).toBe(202);
    const original = (await submitted.json()) as Created & { collectionId: string | null };
    expect(original.collectionId).toBe(collection.id);
    await waitForSettled([original.id]);

    // Re-run (same seed) and remix (new seed) both go through the rerun route.
    const [rerun, remix] = await Promise.all([{ pinSeed: true }, { pinSeed: false }].map(async (body) => {
      const res = await api(`/api/v1/generations/${original.id}/rerun`, { method: "POST", body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(202);
      return (await res.json()) as Created & { collectionId: string | null };
    }));
    expect([rerun!.collectionId, remix!.collectionId]).toEqual([collection.id, collection.id]);
    await waitForSettled([rerun!.id, remix!.id]);
    const members = await db.collectionAsset.findMany({ where: { collectionId: collection.id }, include: { asset: { select: { generationId: true } } } });
    expect(members.map((m) => m.asset.generationId).sort()).toEqual([original.id, rerun!.id, remix!.id].sort());
    const read = (await (await api(`/api/v1/generations/${rerun!.id}`)).json()) as { collectionId: string | null };
    expect(read.collectionId).toBe(collection.id);

    // A collection deleted since: the re-run still runs, into the gallery only.
    expect((await api(`/api/v1/collections/${collection.id}`, { method: "DELETE" })).status).toBeLessThan(300);
    const after = await api(`/api/v1/generations/${original.id}/rerun`, { method: "POST", body: JSON.stringify({}) });
    expect(after.status, await after.clone().text()).toBe(202);
    expect(((await after.json()) as { collectionId: string | null }).collectionId).toBeNull();
  });
});
