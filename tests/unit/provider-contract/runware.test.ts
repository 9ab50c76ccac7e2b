import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runwareTaskUuid } from "@/lib/providers/runware/request";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { startContract, accountingLine, control, setFaults, WEBHOOK_TOKEN_SECRET, type Contract } from "./support/contract";
import { expectOutputs, generation, pollToEnd, REFERENCE_URL } from "./support/jobs";
import { asWebhookRequest, bodyOf } from "./support/receiver";

// Runware, adapter ↔ simulator: V3 t2i/edit and O3 t2i/multi-reference as async imageInference tasks with a
// taskUUID derived from our correlation id, one unsigned webhook per image (authenticated by our URL token,
// confirmed by getResponse polling), preset pixel sizes, and includeCost → providerCostMicros vs the simulator.
// Real HTTP, image rendering and sharp: generous limits so a loaded CI machine does not flake.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());

const CASES = [
  { name: "V3 text-to-image", model: "kling-v3", mode: "text-to-image", params: { prompt: "a cobalt alley in rain", aspect_ratio: "2:3", resolution: "2k", num_images: 2, output_format: "webp" } },
  { name: "V3 edit", model: "kling-v3", mode: "edit", params: { prompt: "turn it into a reading hall", aspect_ratio: "3:2" }, inputs: { images: [{ url: REFERENCE_URL }] } },
  { name: "O3 text-to-image (auto aspect)", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a swan knight", output_format: "png", seed: 1234 } },
  {
    name: "O3 multi-reference",
    model: "kling-v3-omni",
    mode: "multi-reference",
    params: { prompt: "combine both references", aspect_ratio: "16:9", num_images: 3 },
    inputs: { images: [{ url: REFERENCE_URL }, { url: `${REFERENCE_URL}?v=2`, width: 1200, height: 800 }] },
  },
  {
    // `auto` with a reference whose size we do not know: the adapter asks for a resolution tier and lets Runware
    // follow the reference's proportions, which the (hermetic) simulator cannot read from a URL: 1:1.
    name: "O3 multi-reference (auto aspect, unmeasured reference)",
    model: "kling-v3-omni",
    mode: "multi-reference",
    params: { prompt: "same framing as the reference" },
    inputs: { images: [{ url: REFERENCE_URL }] },
  },
] as const;

describe("runware adapter against the simulator", () => {
  for (const [i, testCase] of CASES.entries()) {
    it(`${testCase.name}: submit → per-image token-authenticated webhooks → poll → right pixels and cost`, async () => {
      const hookPath = `/runware/${i}`;
      const request = generation({ ...testCase, webhookUrl: c.receiver.url(hookPath) });
      const { providerTaskId } = await c.adapters.runware.submit(request);
      expect(providerTaskId).toBe(runwareTaskUuid(request.correlationId));

      const count = "num_images" in testCase.params ? testCase.params.num_images : 1;
      const hooks = await c.receiver.waitFor(hookPath, (d) => d.length >= count);
      const verified = await Promise.all(hooks.map((d) => c.adapters.runware.verifyWebhook(asWebhookRequest(d))));
      for (const v of verified) {
        expect(v).toMatchObject({ ok: true, providerTaskId, correlationId: request.correlationId, hintStatus: "succeeded", confirmWithStatus: true });
      }
      expect(new Set(verified.map((v) => v.ok && v.eventKey)).size).toBe(count);

      // The hint is confirmed by polling before anything is recorded.
      const result = await pollToEnd(c.adapters.runware, request, providerTaskId);
      await expectOutputs("runware", request, result);
      expect(new Set(hooks.map((h) => bodyOf(h).imageURL))).toEqual(new Set(result.outputs.map((o) => o.url)));
      const line = await accountingLine(c.sim, "runware", providerTaskId);
      expect(line).toMatchObject({ correlationId: providerTaskId, status: "succeeded", images: count });
      expect(result.providerCostMicros).toBe(line.costMicros);
    });
  }

  it("rejects webhooks with a missing or forged token or another job's body; a redelivered image keeps its eventKey", async () => {
    const hookPath = "/runware/negative";
    const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "tokens" }, webhookUrl: c.receiver.url(hookPath) });
    const { providerTaskId } = await c.adapters.runware.submit(request);
    const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    const rw = c.adapters.runware;

    const url = new URL(hook!.url);
    url.searchParams.delete("token");
    expect(await rw.verifyWebhook(asWebhookRequest(hook!, { url: url.toString() }))).toMatchObject({ ok: false, reason: "bad_token" });
    url.searchParams.set("token", "forged");
    expect(await rw.verifyWebhook(asWebhookRequest(hook!, { url: url.toString() }))).toMatchObject({ ok: false, reason: "bad_token" });
    const otherJob = addWebhookToken({ url: c.receiver.url(hookPath), secret: WEBHOOK_TOKEN_SECRET, correlationId: "gen_someone_else" });
    expect(await rw.verifyWebhook(asWebhookRequest(hook!, { url: otherJob }))).toMatchObject({ ok: false, reason: "bad_token" });

    const [a, b] = await Promise.all([rw.verifyWebhook(asWebhookRequest(hook!)), rw.verifyWebhook(asWebhookRequest(hook!))]);
    expect(a).toMatchObject({ ok: true, providerTaskId });
    expect(a.ok && b.ok && a.eventKey === b.eventKey).toBe(true);
  });

  it("a moderated task: the error webhook verifies as a failed hint and polling reports a safety failure", async () => {
    await setFaults(c.sim, { providers: { runware: { safetyRate: 1 } } });
    const hookPath = "/runware/safety";
    const request = generation({ model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "moderated" }, webhookUrl: c.receiver.url(hookPath) });
    const { providerTaskId } = await c.adapters.runware.submit(request);
    await setFaults(c.sim, {});
    const [hook] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    expect(await c.adapters.runware.verifyWebhook(asWebhookRequest(hook!))).toMatchObject({ ok: true, providerTaskId, hintStatus: "failed", confirmWithStatus: true });
    // getResponse answers `{ data: [], errors: [{ code: "contentModerated", taskUUID }] }`: the task's outcome, not a failed poll.
    expect(await pollToEnd(c.adapters.runware, request, providerTaskId)).toMatchObject({ status: "failed", outputs: [], error: { class: "safety" } });
    expect(await c.adapters.runware.findByCorrelationId!({ correlationId: request.correlationId, model: request.model })).toMatchObject({
      providerTaskId,
      status: "failed",
      error: { class: "safety" },
    });
  });

  it("seed 0, which the catalog allows but Runware refuses (invalidSeed), is refused before anything is sent", async () => {
    const before = (await control(c.sim, "/state")).requests.length;
    const zero = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "seeded", seed: 0 } });
    await expect(c.adapters.runware.submit(zero)).rejects.toMatchObject({ errorClass: "invalid_input", fields: { seed: expect.any(String) } });
    expect((await control(c.sim, "/state")).requests.length).toBe(before);
    const one = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "seeded", seed: 1 } });
    const { providerTaskId } = await c.adapters.runware.submit(one);
    const { input } = await control(c.sim, `/jobs/runware/${providerTaskId}`);
    expect(input).toMatchObject({ seed: 1, includeCost: true, deliveryMethod: "async", taskUUID: providerTaskId });
  });
});
