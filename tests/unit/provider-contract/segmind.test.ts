import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ProviderError } from "@/lib/providers/provider-error";
import { startContract, accountingLine, control, setFaults, type Contract } from "./support/contract";
import { SEGMIND_API_KEY } from "@/simulator/credentials";
import { expectOutputs, generation, pollToEnd, REFERENCE_URL } from "./support/jobs";

// Segmind, adapter ↔ simulator: the only modes Segmind offers (V3 t2i and image2image through the async v2 API),
// polled (Segmind sends no inference webhooks), pixel sizes, and metrics.cost → providerCostMicros.
// Real HTTP, image rendering and sharp: generous limits so a loaded CI machine does not flake.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

const CASES = [
  {
    name: "V3 text-to-image (seed 003's parameters)",
    model: "kling-v3",
    mode: "text-to-image",
    params: { prompt: "A majestic snow-capped mountain range at golden hour", negative_prompt: "blurry, low quality", resolution: "1k", aspect_ratio: "16:9", output_format: "png" },
  },
  {
    name: "V3 text-to-image with two elements inline, named (element1), (element2)",
    model: "kling-v3",
    mode: "text-to-image",
    params: { prompt: "@element1 hands @element2 a cup", resolution: "1k", aspect_ratio: "1:1" },
    inputs: { elements: [{ name: "Mira", frontalImageUrl: `${REFERENCE_URL}?e=1`, referenceImageUrls: [`${REFERENCE_URL}?r=1`] }, { name: "Cup", frontalImageUrl: `${REFERENCE_URL}?e=2` }] },
    sent: {
      prompt: "(element1) hands (element2) a cup",
      elements: [{ frontal_image_url: `${REFERENCE_URL}?e=1`, reference_image_urls: [`${REFERENCE_URL}?r=1`] }, { frontal_image_url: `${REFERENCE_URL}?e=2`, reference_image_urls: [] }],
    },
  },
  { name: "V3 edit (kling-3-image2image)", model: "kling-v3", mode: "edit", params: { prompt: "add autumn colours", aspect_ratio: "3:4", resolution: "2k", output_format: "jpeg" }, inputs: { images: [{ url: REFERENCE_URL }] } },
] as const;

describe("segmind adapter against the simulator", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: submit → poll → right pixels and cost`, async () => {
      const request = generation({ ...testCase });
      const { providerTaskId } = await c.adapters.segmind.submit(request);
      const { input } = await control(c.sim, `/jobs/segmind/${providerTaskId}`);
      expect(input).toMatchObject({ prompt: testCase.params.prompt, resolution: testCase.params.resolution.toUpperCase(), aspect_ratio: testCase.params.aspect_ratio, ...("sent" in testCase ? testCase.sent : {}) });

      const result = await pollToEnd(c.adapters.segmind, request, providerTaskId);
      await expectOutputs("segmind", request, result);
      const line = await accountingLine(c.sim, "segmind", providerTaskId);
      expect(line).toMatchObject({ status: "succeeded", costMicros: 35_000 });
      expect(result.providerCostMicros).toBe(line.costMicros);
    });
  }

  // Segmind's official SDK (segmind-python segmind/v2.py, `_fetch_terminal_tolerant`): a FAILED request answers
  // HTTP 422 with {"status":"FAILED","error"} on /status and on the response URL; the body decides, not the status.
  for (const [fault, errorClass] of [["jobFailureRate", "transient"], ["safetyRate", "safety"]] as const) {
    it(`a failed request (${fault}) answers 422 FAILED, and the adapter reads it as a failed job of class ${errorClass}`, async () => {
      await setFaults(c.sim, { providers: { segmind: { [fault]: 1 } } });
      const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "a lighthouse" } });
      const { providerTaskId } = await c.adapters.segmind.submit(request);
      const result = await pollToEnd(c.adapters.segmind, request, providerTaskId);
      expect(result).toMatchObject({ status: "failed", outputs: [], error: { class: errorClass } });
      expect(result.error!.message).not.toMatch(/HTTP 422/);

      for (const path of [`/v2/requests/${providerTaskId}/status`, `/v2/requests/${providerTaskId}`]) {
        const response = await fetch(`${c.sim.url}/segmind${path}`, { headers: { "x-api-key": SEGMIND_API_KEY } });
        expect(response.status).toBe(422);
        expect(await response.json()).toMatchObject({ status: "FAILED", error: result.error!.message });
      }
      expect(await accountingLine(c.sim, "segmind", providerTaskId)).toMatchObject({ status: "failed", costMicros: 0 });
    });
  }

  it("offers no O3 and no webhooks: refused before sending, and verifyWebhook says unsupported", async () => {
    const before = (await control(c.sim, "/state")).requests.length;
    const o3 = generation({ model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "x" } });
    await expect(c.adapters.segmind.submit(o3)).rejects.toBeInstanceOf(ProviderError);
    await expect(c.adapters.segmind.submit(o3)).rejects.toMatchObject({ errorClass: "invalid_input" });
    expect((await control(c.sim, "/state")).requests.length).toBe(before);
    expect(await c.adapters.segmind.verifyWebhook({ headers: {}, rawBody: "{}", url: "https://studio.example/hook" })).toMatchObject({ ok: false, reason: "unsupported" });
  });
});
