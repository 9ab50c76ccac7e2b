import { createHash, createPublicKey, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFalClient } from "@fal-ai/client";
import type { RunningSimulator } from "@/simulator/server";
import { FAL_KEY } from "@/simulator/credentials";
import { call, imageSize, startTestSimulator, waitFor } from "./support/sim";
import { startReceiver, type Received } from "./support/receiver";

let sim: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const headers = { authorization: `Key ${FAL_KEY}` };
const queue = () => `${sim.url}/fal/queue`;

beforeAll(async () => {
  sim = await startTestSimulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

// Independent verification: the documented message, checked with node:crypto against every key in the JWKS.
async function verifyFal(hook: Received): Promise<boolean> {
  const jwks = (await call(`${sim.url}/fal/rest/.well-known/jwks.json`)).body as { keys: Array<{ x: string }> };
  const h = hook.headers;
  const message = [h["x-fal-webhook-request-id"], h["x-fal-webhook-user-id"], h["x-fal-webhook-timestamp"], createHash("sha256").update(hook.body).digest("hex")].join("\n");
  if (Math.abs(Date.now() / 1000 - Number(h["x-fal-webhook-timestamp"])) > 300) return false;
  return jwks.keys.some((k) =>
    verify(null, Buffer.from(message), createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x }, format: "jwk" }), Buffer.from(String(h["x-fal-webhook-signature"]), "hex")),
  );
}

describe("fal queue", () => {
  it("submits, reports status at the app root, returns the output and a verifiable ED25519 webhook", async () => {
    const hookUrl = receiver.url("/fal/ok");
    const submit = await call(`${queue()}/fal-ai/kling-image/o3/text-to-image?fal_webhook=${encodeURIComponent(hookUrl)}`, {
      headers, body: { prompt: "a paper boat", resolution: "2K", aspect_ratio: "21:9", num_images: 2, output_format: "jpeg" },
    });
    expect(submit.status).toBe(200);
    const id: string = submit.body.request_id;
    expect(submit.body).toMatchObject({ status: "IN_QUEUE", gateway_request_id: expect.any(String) });
    expect(submit.body.status_url).toBe(`${queue()}/fal-ai/kling-image/requests/${id}/status`);
    const early = await call(submit.body.response_url, { headers });
    expect(early.status).toBe(400);
    await waitFor(async () => (await call(submit.body.status_url, { headers })).body.status === "COMPLETED");
    const result = await call(submit.body.response_url, { headers });
    expect(result.headers.get("x-fal-request-id")).toBe(id);
    expect(result.body.images).toHaveLength(2);
    expect(result.body.images[0]).toMatchObject({ width: 3104, height: 1312, content_type: "image/jpeg" });
    expect(await imageSize(result.body.images[0].url)).toEqual({ width: 3104, height: 1312, format: "jpeg" });

    const hook = await waitFor(() => receiver.received.find((r) => r.path === "/fal/ok"));
    expect(JSON.parse(hook.body)).toEqual({ request_id: id, gateway_request_id: submit.body.gateway_request_id, status: "OK", payload: result.body });
    expect(await verifyFal(hook)).toBe(true);
    expect(await verifyFal({ ...hook, body: hook.body.replace("OK", "KO") })).toBe(false);
  });

  it("surfaces validation errors as a 422 detail list on the result and an ERROR webhook", async () => {
    const hookUrl = receiver.url("/fal/invalid");
    const submit = await call(`${queue()}/fal-ai/kling-image/v3/image-to-image?fal_webhook=${encodeURIComponent(hookUrl)}`, {
      headers, body: { prompt: "x", num_images: 12, resolution: "4K" },
    });
    expect(submit.status).toBe(200);
    await waitFor(async () => (await call(submit.body.status_url, { headers })).body.status === "COMPLETED");
    const result = await call(submit.body.response_url, { headers });
    expect(result.status).toBe(422);
    const types = result.body.detail.map((d: { loc: string[]; type: string }) => `${d.loc.join(".")}:${d.type}`);
    expect(types).toEqual(expect.arrayContaining(["body.image_url:missing", "body.num_images:less_than_equal", "body.resolution:literal_error"]));
    const hook = await waitFor(() => receiver.received.find((r) => r.path === "/fal/invalid"));
    expect(JSON.parse(hook.body)).toMatchObject({ status: "ERROR", error: "Invalid status code: 422", payload: { detail: expect.any(Array) } });
    expect(await verifyFal(hook)).toBe(true);
  });

  it("takes elements on V3 text-to-image as ElementInput {frontal_image_url?, reference_image_urls 0-3} and refuses a fourth view (providers.md §5.1)", async () => {
    const run = async (elements: unknown) => {
      const submit = await call(`${queue()}/fal-ai/kling-image/v3/text-to-image`, { headers, body: { prompt: "@Element1 at the window", elements } });
      expect(submit.status).toBe(200);
      await waitFor(async () => (await call(submit.body.status_url, { headers })).body.status === "COMPLETED");
      return call(submit.body.response_url, { headers });
    };
    const url = (n: number) => `https://example.com/view-${n}.png`;
    expect((await run([{ frontal_image_url: url(0), reference_image_urls: [url(1), url(2), url(3)] }, { reference_image_urls: [] }])).status).toBe(200);
    const tooMany = await run([{ frontal_image_url: url(0), reference_image_urls: [url(1), url(2), url(3), url(4)] }]);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.detail.map((d: { loc: (string | number)[] }) => d.loc.join("."))).toEqual(["body.elements.0.reference_image_urls"]);
  });

  it("cancels a queued request and refuses to cancel a finished one", async () => {
    const submit = await call(`${queue()}/fal-ai/kling-image/v3/text-to-image`, { headers: { ...headers, "x-sim-queued-ms": "2000" }, body: { prompt: "slow" } });
    const cancel = await call(submit.body.cancel_url, { method: "PUT", headers });
    expect(cancel).toMatchObject({ status: 202, body: { status: "CANCELLATION_REQUESTED" } });
    expect((await call(submit.body.cancel_url, { method: "PUT", headers })).body).toEqual({ status: "ALREADY_COMPLETED" });
    const accounting = await call(`${sim.url}/_sim/accounting`);
    expect(accounting.body.jobs.find((j: { externalId: string }) => j.externalId === submit.body.request_id)).toMatchObject({ status: "canceled", costMicros: 0 });
  });

  it("rejects missing or wrong keys", async () => {
    const none = await call(`${queue()}/fal-ai/kling-image/v3/text-to-image`, { body: { prompt: "x" } });
    expect(none.status).toBe(401);
    expect(none.body.detail).toEqual(expect.any(String));
    const wrong = await call(`${queue()}/fal-ai/kling-image/v3/text-to-image`, { headers: { authorization: "Key a:b" }, body: { prompt: "x" } });
    expect(wrong.status).toBe(401);
  });
});

describe("the official @fal-ai/client", () => {
  it("subscribes to a request through a middleware that rewrites queue.fal.run to the simulator", async () => {
    const fal = createFalClient({
      credentials: FAL_KEY,
      requestMiddleware: async (request) => ({ ...request, url: request.url.replace("https://queue.fal.run", queue()) }),
    });
    const result = await fal.subscribe("fal-ai/kling-image/v3/text-to-image", { input: { prompt: "client", aspect_ratio: "4:3" }, pollInterval: 50 });
    const images = (result.data as { images: Array<{ url: string }> }).images;
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await imageSize(images[0]!.url)).toEqual({ width: 1168, height: 880, format: "png" });
  });
});
