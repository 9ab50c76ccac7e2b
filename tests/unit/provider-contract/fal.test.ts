import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startContract, control, setFaults, type Contract } from "./support/contract";
import { expectOutputs, generation, pollToEnd, REFERENCE_URL } from "./support/jobs";
import { asWebhookRequest, bodyOf, type Delivery } from "./support/receiver";

// fal, adapter ↔ simulator: V3 t2i/i2i and O3 t2i/i2i (images, inline elements, series) on the queue API, status
// and result at the app root, completion webhooks signed ED25519 and verified against the simulator's JWKS, and the
// rejections: tampered body or signature, stale timestamp, replays recognised by eventKey.
// Real HTTP, image rendering and sharp: generous limits so a loaded CI machine does not flake.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

const CASES = [
  { name: "V3 text-to-image", model: "kling-v3", mode: "text-to-image", params: { prompt: "a paper boat", negative_prompt: "blur", aspect_ratio: "21:9", num_images: 2, output_format: "jpeg" } },
  { name: "V3 edit (image-to-image)", model: "kling-v3", mode: "edit", params: { prompt: "make it winter", aspect_ratio: "4:3" }, inputs: { images: [{ url: REFERENCE_URL }] } },
  { name: "O3 text-to-image (auto aspect)", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a glass city", resolution: "2k", output_format: "webp" } },
  {
    name: "O3 multi-reference (images + inline element)",
    model: "kling-v3-omni",
    mode: "multi-reference",
    params: { prompt: "@element1 walking through @image2", aspect_ratio: "9:16" },
    inputs: { images: [{ url: REFERENCE_URL }, { url: `${REFERENCE_URL}?v=2` }], elements: [{ frontalImageUrl: REFERENCE_URL, referenceImageUrls: [`${REFERENCE_URL}?side`] }] },
  },
  {
    name: "O3 multi-reference series (element only)",
    model: "kling-v3-omni",
    mode: "multi-reference",
    params: { prompt: "@element1 in three poses", aspect_ratio: "1:1", result_type: "series", series_amount: 3 },
    inputs: { elements: [{ frontalImageUrl: REFERENCE_URL }] },
  },
] as const;

async function run(hookPath: string) {
  const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "webhooks" }, webhookUrl: c.receiver.url(hookPath) });
  const { providerTaskId } = await c.adapters.fal.submit(request);
  return { request, providerTaskId };
}

describe("fal adapter against the simulator", () => {
  for (const [i, testCase] of CASES.entries()) {
    it(`${testCase.name}: submit → ED25519 webhook verified via JWKS → poll → right pixels`, async () => {
      const hookPath = `/fal/${i}`;
      const request = generation({ ...testCase, webhookUrl: c.receiver.url(hookPath) });
      const { providerTaskId } = await c.adapters.fal.submit(request);

      const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
      const verified = await c.adapters.fal.verifyWebhook(asWebhookRequest(hook!));
      expect(verified).toMatchObject({ ok: true, providerTaskId, correlationId: request.correlationId, hintStatus: "succeeded", confirmWithStatus: false });

      const result = await pollToEnd(c.adapters.fal, request, providerTaskId);
      await expectOutputs("fal", request, result);
      expect((bodyOf(hook!).payload as { images: { url: string }[] }).images.map((im) => im.url)).toEqual(result.outputs.map((o) => o.url));
      expect(result.providerCostMicros).toBeUndefined(); // fal reports no cost in the response (providers.md §5.4)
    });
  }

  it("sends fal's spelling: endpoint per input, @ImageN/@ElementN, capital resolutions, inline elements", async () => {
    const [, , , multi] = CASES;
    const request = generation({ ...multi });
    const { providerTaskId } = await c.adapters.fal.submit(request);
    const { job, input } = await control(c.sim, `/jobs/fal/${providerTaskId}`);
    expect(job.endpoint).toBe("fal-ai/kling-image/o3/image-to-image");
    expect(input).toMatchObject({
      prompt: "@Element1 walking through @Image2",
      image_urls: [REFERENCE_URL, `${REFERENCE_URL}?v=2`],
      elements: [{ frontal_image_url: REFERENCE_URL, reference_image_urls: [`${REFERENCE_URL}?side`] }],
      resolution: "1K",
      result_type: "single",
    });
  });

  it("rejects a tampered body or signature and a missing header; refetches nothing it cannot verify", async () => {
    const hookPath = "/fal/tamper";
    await run(hookPath);
    const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    const fal = c.adapters.fal;
    const body = hook!.rawBody.replace('"status":"OK"', '"status":"ERROR"');
    expect(body).not.toBe(hook!.rawBody);
    expect(await fal.verifyWebhook(asWebhookRequest(hook!, { rawBody: body }))).toMatchObject({ ok: false, reason: "bad_signature" });
    const signature = String(hook!.headers["x-fal-webhook-signature"]);
    const flipped = (signature.startsWith("0") ? "1" : "0") + signature.slice(1);
    expect(await fal.verifyWebhook(asWebhookRequest(hook!, { headers: { ...hook!.headers, "x-fal-webhook-signature": flipped } }))).toMatchObject({ ok: false, reason: "bad_signature" });
    // The user id is part of the signed message too.
    expect(await fal.verifyWebhook(asWebhookRequest(hook!, { headers: { ...hook!.headers, "x-fal-webhook-user-id": "another-account" } }))).toMatchObject({ ok: false, reason: "bad_signature" });
    const { "x-fal-webhook-timestamp": _dropped, ...partial } = hook!.headers;
    expect(await fal.verifyWebhook(asWebhookRequest(hook!, { headers: partial }))).toMatchObject({ ok: false, reason: "missing_headers" });
  });

  it("rejects a genuine delivery received more than 300 s after it was signed", async () => {
    const hookPath = "/fal/stale";
    await run(hookPath);
    const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    const signedAt = Number(hook!.headers["x-fal-webhook-timestamp"]) * 1000;
    expect(await c.adapters.fal.verifyWebhook(asWebhookRequest(hook!, { now: new Date(signedAt + 299_000) }))).toMatchObject({ ok: true });
    expect(await c.adapters.fal.verifyWebhook(asWebhookRequest(hook!, { now: new Date(signedAt + 301_000) }))).toMatchObject({ ok: false, reason: "stale" });
    // Changing the timestamp to look fresh breaks the signature.
    const fresh = String(Math.floor(signedAt / 1000) + 301);
    expect(
      await c.adapters.fal.verifyWebhook(asWebhookRequest(hook!, { headers: { ...hook!.headers, "x-fal-webhook-timestamp": fresh }, now: new Date(signedAt + 301_000) })),
    ).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("a duplicated delivery and a retried one both keep the first delivery's eventKey", async () => {
    await setFaults(c.sim, { providers: { fal: { webhookDuplicateRate: 1, webhookRetryBaseMs: 20 } } });
    const dupPath = "/fal/duplicate";
    await run(dupPath);
    const dups = await c.receiver.waitFor(dupPath, (d) => d.length >= 2);
    await setFaults(c.sim, { providers: { fal: { webhookRetryBaseMs: 20 } } });
    const retryPath = "/fal/retry";
    c.receiver.script(retryPath, [503]);
    await run(retryPath);
    const retried = await c.receiver.waitFor(retryPath, (d) => d.length >= 2);

    for (const pair of [dups, retried] as Delivery[][]) {
      const [a, b] = await Promise.all(pair.slice(0, 2).map((d) => c.adapters.fal.verifyWebhook(asWebhookRequest(d))));
      expect(a).toMatchObject({ ok: true });
      expect(b).toMatchObject({ ok: true });
      expect(a!.ok && b!.ok && a!.eventKey === b!.eventKey).toBe(true);
    }
  });

  it("cancels a queued request (the result then reads cancelled) and treats cancelling a finished one as a no-op", async () => {
    await setFaults(c.sim, { providers: { fal: { queuedMs: 5_000 } } });
    const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "never mind" } });
    const { providerTaskId } = await c.adapters.fal.submit(request);
    await c.adapters.fal.cancel!({ providerTaskId, model: request.model });
    expect(await pollToEnd(c.adapters.fal, request, providerTaskId)).toMatchObject({ status: "cancelled", outputs: [] });
    await c.adapters.fal.cancel!({ providerTaskId, model: request.model });
    expect((await control(c.sim, "/accounting")).jobs.find((j: { externalId: string }) => j.externalId === providerTaskId)).toMatchObject({ status: "canceled", costMicros: 0 });
  });
});
