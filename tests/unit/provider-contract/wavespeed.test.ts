import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createProviderAdapter } from "@/lib/providers/registry";
import { simulatorUrls } from "@/lib/providers/simulator-urls";
import { WAVESPEED_API_KEY, WAVESPEED_WEBHOOK_SECRET } from "@/simulator/credentials";
import { control, startContract, setFaults, WEBHOOK_TOKEN_SECRET, type Contract } from "./support/contract";
import { expectOutputs, generation, pollToEnd, REFERENCE_URL } from "./support/jobs";
import { asWebhookRequest, bodyOf, type Delivery } from "./support/receiver";

// WaveSpeed, adapter ↔ simulator: V3 t2i/edit and O3 (unified endpoint, text-only and with references/elements),
// completion webhooks signed with WaveSpeed's v3 HMAC (providers.md §2.3) and checked by the adapter, plus the
// rejections: tampered body or signature, wrong secret, stale timestamp, and replays recognised by eventKey.
// Real HTTP, image rendering and sharp: generous limits so a loaded CI machine does not flake.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

const CASES = [
  { name: "V3 text-to-image", model: "kling-v3", mode: "text-to-image", params: { prompt: "a harbour at dawn", aspect_ratio: "21:9", num_images: 2, output_format: "jpeg" } },
  { name: "V3 edit", model: "kling-v3", mode: "edit", params: { prompt: "paint it blue", aspect_ratio: "3:4", output_format: "webp" }, inputs: { images: [{ url: REFERENCE_URL }] } },
  { name: "O3 text-to-image", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a desert city", aspect_ratio: "16:9" } },
  {
    name: "O3 multi-reference (images + an element inline)",
    model: "kling-v3-omni",
    mode: "multi-reference",
    params: { prompt: "@element1 in front of @image2", aspect_ratio: "auto", num_images: 2 },
    inputs: { images: [{ url: REFERENCE_URL }, { url: `${REFERENCE_URL}?v=2` }], elements: [{ name: "Mira", frontalImageUrl: `${REFERENCE_URL}?e=f`, referenceImageUrls: [`${REFERENCE_URL}?e=1`] }] },
  },
] as const;

async function run(hookPath: string, params: Record<string, unknown> = { prompt: "webhooks" }) {
  const request = generation({ model: "kling-v3", mode: "text-to-image", params, webhookUrl: c.receiver.url(hookPath) });
  const { providerTaskId } = await c.adapters.wavespeed.submit(request);
  return { request, providerTaskId };
}

describe("wavespeed adapter against the simulator", () => {
  for (const [i, testCase] of CASES.entries()) {
    it(`${testCase.name}: submit → signed webhook verified → poll → right pixels`, async () => {
      const hookPath = `/wavespeed/${i}`;
      const request = generation({ ...testCase, webhookUrl: c.receiver.url(hookPath) });
      const { providerTaskId } = await c.adapters.wavespeed.submit(request);
      expect(providerTaskId).toMatch(/^[0-9a-f]{32}$/);

      const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
      const verified = await c.adapters.wavespeed.verifyWebhook(asWebhookRequest(hook!));
      expect(verified).toMatchObject({ ok: true, providerTaskId, correlationId: request.correlationId, hintStatus: "succeeded", confirmWithStatus: false });

      const result = await pollToEnd(c.adapters.wavespeed, request, providerTaskId);
      await expectOutputs("wavespeed", request, result);
      // The signed body carries the same outputs the poll returns.
      expect(bodyOf(hook!).outputs).toEqual(result.outputs.map((o) => o.url));
      // WaveSpeed reports no cost (providers.md §0): nothing to reconcile, the studio keeps its estimate.
      expect(result.providerCostMicros).toBeUndefined();
    });
  }

  it("O3 elements reach WaveSpeed as reference images named in words, never as element_list; over 10 images is refused", async () => {
    const request = generation(CASES[3]);
    const { providerTaskId } = await c.adapters.wavespeed.submit(request);
    const { input } = await control(c.sim, `/jobs/wavespeed/${providerTaskId}`);
    expect(input).toMatchObject({
      prompt: "Mira in front of @image2",
      images: [REFERENCE_URL, `${REFERENCE_URL}?v=2`, `${REFERENCE_URL}?e=f`, `${REFERENCE_URL}?e=1`],
    });
    expect(input).not.toHaveProperty("element_list");
    // The studio refuses before sending what WaveSpeed's `images` (max 10) can't hold.
    const views = [1, 2, 3].map((i) => `${REFERENCE_URL}?r=${i}`);
    const tooMany = generation({
      ...CASES[3],
      params: { prompt: "three friends" },
      inputs: { images: [{ url: REFERENCE_URL }, { url: REFERENCE_URL }, { url: REFERENCE_URL }], elements: [{ frontalImageUrl: REFERENCE_URL, referenceImageUrls: views }, { frontalImageUrl: REFERENCE_URL, referenceImageUrls: views }] },
    });
    await expect(c.adapters.wavespeed.submit(tooMany)).rejects.toMatchObject({ errorClass: "invalid_input", fields: { elements: expect.stringMatching(/these make 11/) } });
  });

  it("rejects a tampered body, a tampered signature, a wrong secret and a missing signature", async () => {
    const hookPath = "/wavespeed/tamper";
    await run(hookPath);
    const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    const ws = c.adapters.wavespeed;

    const body = hook!.rawBody.replace('"status":"completed"', '"status":"failed"');
    expect(body).not.toBe(hook!.rawBody);
    expect(await ws.verifyWebhook(asWebhookRequest(hook!, { rawBody: body }))).toMatchObject({ ok: false, reason: "bad_signature" });

    const signature = String(hook!.headers["webhook-signature"]);
    const flipped = signature.slice(0, -1) + (signature.endsWith("0") ? "1" : "0");
    expect(await ws.verifyWebhook(asWebhookRequest(hook!, { headers: { ...hook!.headers, "webhook-signature": flipped } }))).toMatchObject({ ok: false, reason: "bad_signature" });

    const wrongSecret = createProviderAdapter({
      provider: "wavespeed",
      baseUrl: simulatorUrls(c.sim.url).wavespeed,
      credentials: { apiKey: WAVESPEED_API_KEY, webhookSecret: "whsec_not-the-secret" },
      webhookTokenSecret: WEBHOOK_TOKEN_SECRET,
    });
    expect(await wrongSecret.verifyWebhook(asWebhookRequest(hook!))).toMatchObject({ ok: false, reason: "bad_signature" });

    const { "webhook-signature": _dropped, ...unsigned } = hook!.headers;
    expect(await ws.verifyWebhook(asWebhookRequest(hook!, { headers: unsigned }))).toMatchObject({ ok: false, reason: "missing_headers" });
  });

  it("rejects a stale delivery: genuine but received > 300 s after signing, or re-signed with an old timestamp", async () => {
    const hookPath = "/wavespeed/stale";
    await run(hookPath);
    const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    const signedAt = Number(hook!.headers["webhook-timestamp"]) * 1000;
    expect(await c.adapters.wavespeed.verifyWebhook(asWebhookRequest(hook!, { now: new Date(signedAt + 299_000) }))).toMatchObject({ ok: true });
    expect(await c.adapters.wavespeed.verifyWebhook(asWebhookRequest(hook!, { now: new Date(signedAt + 301_000) }))).toMatchObject({ ok: false, reason: "stale" });

    // A correctly signed message whose own timestamp is 301 s old (what a replayed capture looks like).
    const old = String(Math.floor(Date.now() / 1000) - 301);
    const id = String(hook!.headers["webhook-id"]);
    const hex = createHmac("sha256", WAVESPEED_WEBHOOK_SECRET).update(`${id}.${old}.${hook!.rawBody}`).digest("hex");
    const resigned = { ...hook!.headers, "webhook-timestamp": old, "webhook-signature": `v3,${hex}` };
    expect(await c.adapters.wavespeed.verifyWebhook(asWebhookRequest(hook!, { headers: resigned }))).toMatchObject({ ok: false, reason: "stale" });
  });

  it("a duplicated delivery and a retried one (signed per attempt) both keep the first delivery's eventKey", async () => {
    await setFaults(c.sim, { providers: { wavespeed: { webhookDuplicateRate: 1, webhookRetryBaseMs: 20 } } });
    const dupPath = "/wavespeed/duplicate";
    await run(dupPath);
    const dups = await c.receiver.waitFor(dupPath, (d) => d.length >= 2);
    const retryPath = "/wavespeed/retry";
    c.receiver.script(retryPath, [500]);
    await setFaults(c.sim, { providers: { wavespeed: { webhookRetryBaseMs: 20 } } });
    await run(retryPath);
    const retried = await c.receiver.waitFor(retryPath, (d) => d.length >= 2);

    for (const pair of [dups, retried] as Delivery[][]) {
      const [a, b] = await Promise.all(pair.slice(0, 2).map((d) => c.adapters.wavespeed.verifyWebhook(asWebhookRequest(d))));
      expect(a).toMatchObject({ ok: true });
      expect(b).toMatchObject({ ok: true });
      // The caller stores eventKey under a unique constraint: the second one is dropped as a replay.
      const seen = new Set<string>();
      const accepted = [a, b].filter((v) => v!.ok && !seen.has(v!.eventKey) && seen.add(v!.eventKey));
      expect(accepted).toHaveLength(1);
    }
    // Each attempt is signed afresh (its own timestamp), but the webhook-id — and so the eventKey — is the message's.
    expect(retried[1]!.headers["webhook-id"]).toBe(retried[0]!.headers["webhook-id"]);
    expect(Number(retried[1]!.headers["webhook-timestamp"])).toBeGreaterThanOrEqual(Number(retried[0]!.headers["webhook-timestamp"]));
  });
});
