import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createKlingToken } from "@/lib/providers/kling/jwt";
import { klingAccount } from "@/lib/providers/kling/elements";
import { ProviderError } from "@/lib/providers/provider-error";
import { KLING_ACCESS_KEY, KLING_SECRET_KEY } from "@/simulator/credentials";
import { buildAdapters, startContract, type Contract } from "./support/contract";
import { generation, REFERENCE_URL } from "./support/jobs";

// Kling's custom elements (3.0 API, providers.md §1.4), adapter ↔ simulator: create returns a task, the task's query
// gives the element id (a long, beyond 2^53) once made, the library lists it, delete removes it — and a generation
// naming a deleted element is refused with the answer the studio reads as "re-create it".
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());

const FRONT = `${REFERENCE_URL}?front`;
const SIDE = `${REFERENCE_URL}?side`;

async function klingFetch(path: string, init: { method?: string; body?: string } = {}) {
  const token = await createKlingToken({ accessKey: KLING_ACCESS_KEY, secretKey: KLING_SECRET_KEY });
  const response = await fetch(`${c.sim.url}/kling${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: init.body,
  });
  return { status: response.status, text: await response.text() };
}

async function createElement(name: string) {
  const library = c.adapters.kling.elements!;
  const { taskId } = await library.create({ name, description: `${name}, the brand mascot`, kind: "character", frontalImageUrl: FRONT, referenceImageUrls: [SIDE] });
  for (const start = Date.now(); Date.now() - start < 5_000; await new Promise((r) => setTimeout(r, 100))) {
    const task = await library.poll(taskId);
    if (task.status === "succeeded") return { taskId, elementId: task.elementId! };
    expect(task.status).toBe("pending");
  }
  throw new Error("the element was not made in time");
}

describe("Kling custom elements against the simulator", () => {
  it("create → a task that is pending, then gives a long element id with every digit", async () => {
    const library = c.adapters.kling.elements!;
    const { taskId } = await library.create({ name: "Mira", description: "", kind: "character", frontalImageUrl: FRONT, referenceImageUrls: [] });
    expect(taskId).toMatch(/^\d{18}$/);
    expect(await library.poll(taskId)).toEqual({ status: "pending" });
    const { elementId } = await createElement("Mira");
    expect(elementId).toMatch(/^\d{18}$/);
    expect(BigInt(elementId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    // The query's answer as Kling writes it: element_id a bare JSON number, images and tag as sent.
    const { taskId: other, elementId: otherId } = await createElement("Trail shoe");
    const polled = await klingFetch(`/v1/general/advanced-custom-elements/${other}`);
    expect(polled.text).toContain(`"element_id":${otherId}`);
    expect(polled.text).toContain(`"frontal_image":"${FRONT}"`);
    expect(polled.text).toContain(`"refer_images":[{"image_url":"${SIDE}"}]`);
    expect(polled.text).toContain(`"tag_list":[{"id":"o_102"`);
  });

  it("sends what the create endpoint documents, and the simulator refuses what it forbids", async () => {
    const { taskId } = await createElement("Fox");
    const sent = JSON.parse((await klingFetch(`/v1/general/advanced-custom-elements/${taskId}`)).text);
    expect(sent.data.task_result.elements[0]).toMatchObject({ element_name: "Fox", element_description: "Fox, the brand mascot", element_type: "image_refer" });
    const bad = async (body: object) => JSON.parse((await klingFetch("/v1/general/advanced-custom-elements", { method: "POST", body: JSON.stringify(body) })).text);
    const base = { element_name: "Ok", element_description: "Ok", reference_type: "image_refer", element_image_list: { frontal_image: FRONT, refer_images: [{ image_url: SIDE }] } };
    expect(await bad({ ...base, element_name: "x".repeat(21) })).toMatchObject({ code: 1201 });
    expect(await bad({ ...base, element_image_list: { frontal_image: FRONT, refer_images: [] } })).toMatchObject({ code: 1201 });
    expect(await bad({ ...base, element_image_list: undefined })).toMatchObject({ code: 1200 });
    expect(await bad({ ...base, tag_list: [{ tag_id: "o_999" }] })).toMatchObject({ code: 1201 });
    // An element with no extra views still gets one: Kling wants 1–3 besides the frontal image.
    const lonely = await c.adapters.kling.elements!.create({ name: "Solo", description: "", kind: "product", frontalImageUrl: FRONT, referenceImageUrls: [] });
    const lonelyTask = JSON.parse((await klingFetch(`/v1/general/advanced-custom-elements/${lonely.taskId}`)).text);
    expect(lonelyTask.code).toBe(0);
  });

  it("a generation may name the element; once deleted, the list drops it and a generation naming it is refused as missing", async () => {
    const { elementId } = await createElement("Logo");
    const request = () => generation({
      model: "kling-v3-omni", mode: "multi-reference", params: { prompt: "@element1 on a billboard" },
      inputs: { elements: [{ frontalImageUrl: FRONT, klingElementId: elementId }] },
    });
    const { providerTaskId } = await c.adapters.kling.submit(request());
    expect(providerTaskId).toMatch(/^\d{18}$/);
    expect((await klingFetch("/v1/general/advanced-custom-elements?pageNum=1&pageSize=500")).text).toContain(`"element_id":${elementId}`);

    await c.adapters.kling.elements!.remove(elementId);
    expect((await klingFetch("/v1/general/advanced-custom-elements?pageNum=1&pageSize=500")).text).not.toContain(`"element_id":${elementId}`);
    const refused = await c.adapters.kling.submit(request()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ errorClass: "invalid_input", elementMissing: true, ambiguous: false });
    // Deleting it again is the provider's "not found"; a preset cannot be deleted.
    await expect(c.adapters.kling.elements!.remove(elementId)).rejects.toMatchObject({ providerCode: "1203" });
    expect(JSON.parse((await klingFetch("/v1/general/delete-elements", { method: "POST", body: '{"element_id":"829836802793406551"}' })).text)).toMatchObject({ code: 1201 });
    // Any other refusal is not mistaken for a missing element.
    const other = await c.adapters.kling.submit(generation({ model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "x".repeat(10) } }))
      .then(() => null, (error: unknown) => error);
    expect(other).toBeNull();
  });

  it("names the library by the key without holding the key, and refuses another key", async () => {
    const library = c.adapters.kling.elements!;
    expect(library.account).toBe(klingAccount(KLING_ACCESS_KEY));
    expect(library.account).not.toContain(KLING_ACCESS_KEY);
    expect(klingAccount(`${KLING_ACCESS_KEY}-other`)).not.toBe(library.account);
    const wrong = buildAdapters(c.sim.url, { wrongKeys: true }).kling.elements!;
    await expect(wrong.create({ name: "X", description: "", kind: "style", frontalImageUrl: FRONT, referenceImageUrls: [SIDE] })).rejects.toMatchObject({ errorClass: "auth" });
  });

  it("the control API counts every create (deleted ones too) and deletes like the provider", async () => {
    const name = `Ctl${Date.now() % 100000}`;
    const { elementId } = await createElement(name);
    const listed = async () => ((await (await fetch(`${c.sim.url}/_sim/elements/kling`)).json()) as { elements: { elementId: string; name: string; deletedAt: string | null }[] }).elements.filter((e) => e.name === name);
    expect(await listed()).toEqual([expect.objectContaining({ elementId, deletedAt: null })]);
    expect((await fetch(`${c.sim.url}/_sim/elements/kling/${elementId}`, { method: "DELETE" })).status).toBe(200);
    expect((await fetch(`${c.sim.url}/_sim/elements/kling/${elementId}`, { method: "DELETE" })).status).toBe(404);
    expect(await listed()).toEqual([expect.objectContaining({ elementId, deletedAt: expect.any(String) })]);
    // Gone from the provider's own list, as after its delete-elements.
    expect((await klingFetch("/v1/general/advanced-custom-elements?pageNum=1&pageSize=500")).text).not.toContain(elementId);
  });
});
