import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addWebhookToken } from "@/lib/providers/webhook-token";
import { createKlingToken } from "@/lib/providers/kling/jwt";
import { KLING_ACCESS_KEY, KLING_SECRET_KEY } from "@/simulator/credentials";
import { startContract, accountingLine, WEBHOOK_TOKEN_SECRET, type Contract } from "./support/contract";
import { expectOutputs, generation, pollToEnd, REFERENCE_URL } from "./support/jobs";
import { asWebhookRequest, bodyOf } from "./support/receiver";

// Kling official API, adapter ↔ simulator: every mode the catalog offers on Kling (provider-support.ts: V3 t2i/edit,
// O3 t2i/multi-reference incl. series), unsigned status callbacks authenticated by our URL token and confirmed by
// polling, pixel sizes, and final_unit_deduction → providerCostMicros against the simulator's books.
// Real HTTP, image rendering and sharp: generous limits so a loaded CI machine does not flake.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());

const ELEMENT_ID = "829836802793406551"; // Kling's documented example, beyond 2^53: must travel as a number with every digit

const CASES = [
  { name: "V3 text-to-image", model: "kling-v3", mode: "text-to-image", params: { prompt: "a red fox in snow", aspect_ratio: "3:2", num_images: 2 } },
  { name: "V3 edit", model: "kling-v3", mode: "edit", params: { prompt: "make it night", aspect_ratio: "9:16" }, inputs: { images: [{ url: REFERENCE_URL }] } },
  { name: "O3 text-to-image (auto aspect)", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a lighthouse", resolution: "2k" } },
  {
    name: "O3 multi-reference (image + library element)",
    model: "kling-v3-omni",
    mode: "multi-reference",
    params: { prompt: "@element1 standing in the scene of @image1", aspect_ratio: "4:3", num_images: 2 },
    inputs: { images: [{ url: REFERENCE_URL }], elements: [{ frontalImageUrl: REFERENCE_URL, klingElementId: ELEMENT_ID }] },
  },
  { name: "O3 series", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a four-panel comic", aspect_ratio: "1:1", result_type: "series", series_amount: 3 } },
] as const;

describe("kling adapter against the simulator", () => {
  for (const [i, testCase] of CASES.entries()) {
    it(`${testCase.name}: submit → token-authenticated callbacks → poll → right pixels and cost`, async () => {
      const hookPath = `/kling/${i}`;
      const request = generation({ ...testCase, webhookUrl: c.receiver.url(hookPath) });
      const { providerTaskId } = await c.adapters.kling.submit(request);
      expect(providerTaskId).toMatch(/^\d{18}$/);

      // Kling calls back on every status change; each callback is only a hint, confirmed by getStatus.
      const callbacks = await c.receiver.waitFor(hookPath, (d) => d.some((x) => bodyOf(x).task_status === "succeed"));
      const verified = await Promise.all(callbacks.map((d) => c.adapters.kling.verifyWebhook(asWebhookRequest(d))));
      for (const v of verified) {
        expect(v).toMatchObject({ ok: true, providerTaskId, correlationId: request.correlationId, confirmWithStatus: true });
      }
      const hints = verified.map((v) => (v.ok ? v.hintStatus : undefined));
      expect(hints).toEqual(expect.arrayContaining(["queued", "running", "succeeded"]));
      expect(new Set(verified.map((v) => v.ok && v.eventKey)).size).toBe(callbacks.length);

      const result = await pollToEnd(c.adapters.kling, request, providerTaskId);
      await expectOutputs("kling", request, result);
      const line = await accountingLine(c.sim, "kling", providerTaskId);
      expect(line).toMatchObject({ correlationId: request.correlationId, status: "succeeded" });
      expect(result.providerCostMicros).toBe(line.costMicros);
      expect(line.costMicros).toBeGreaterThan(0);
    });
  }

  it("sends what Kling documents: model_name, n/series_amount, <<<image_N>>> references, element ids as digits", async () => {
    const [, , , multi] = CASES;
    const request = generation({ ...multi });
    const { providerTaskId } = await c.adapters.kling.submit(request);
    const text = await (await fetch(`${c.sim.url}/_sim/jobs/kling/${providerTaskId}`)).text();
    const { input } = JSON.parse(text);
    expect(input).toMatchObject({
      model_name: "kling-v3-omni",
      prompt: "<<<element_1>>> standing in the scene of <<<image_1>>>",
      image_list: [{ image: REFERENCE_URL }],
      n: 2,
      external_task_id: request.correlationId,
    });
    // The documented form: a bare JSON number with every digit (JSON.parse above would round it, so read the text).
    expect(text).toContain(`"element_list":[{"element_id":${ELEMENT_ID}}]`);
  });

  it("the simulator takes element_id as Kling documents it (a long JSON number, every digit) and refuses a quoted id", async () => {
    const token = await createKlingToken({ accessKey: KLING_ACCESS_KEY, secretKey: KLING_SECRET_KEY });
    const send = async (elementId: string) => {
      const response = await fetch(`${c.sim.url}/kling/v1/images/omni-image`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: `{"model_name":"kling-v3-omni","prompt":"<<<element_1>>> waves","element_list":[{"element_id":${elementId}}]}`,
      });
      return { status: response.status, body: await response.json() };
    };
    const accepted = await send(ELEMENT_ID);
    expect(accepted).toMatchObject({ status: 200, body: { code: 0 } });
    const text = await (await fetch(`${c.sim.url}/_sim/jobs/kling/${accepted.body.data.task_id}`)).text();
    expect(text).toContain(`"element_id":${ELEMENT_ID}`);
    expect(await send(`"${ELEMENT_ID}"`)).toMatchObject({ status: 400, body: { code: 1201 } });
  });

  it("rejects callbacks whose token is missing, forged or issued for another job; a redelivery keeps its eventKey", async () => {
    const hookPath = "/kling/negative";
    const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "tokens" }, webhookUrl: c.receiver.url(hookPath) });
    const { providerTaskId } = await c.adapters.kling.submit(request);
    const [first] = await c.receiver.waitFor(hookPath, (d) => d.length > 0);
    const url = new URL(first!.url);

    const noToken = new URL(url);
    noToken.searchParams.delete("token");
    expect(await c.adapters.kling.verifyWebhook(asWebhookRequest(first!, { url: noToken.toString() }))).toMatchObject({ ok: false, reason: "bad_token" });
    const forged = new URL(url);
    forged.searchParams.set("token", "A".repeat(43));
    expect(await c.adapters.kling.verifyWebhook(asWebhookRequest(first!, { url: forged.toString() }))).toMatchObject({ ok: false, reason: "bad_token" });
    // A valid URL for another job cannot carry this job's body (external_task_id must match the URL's cid).
    const otherJob = addWebhookToken({ url: c.receiver.url(hookPath), secret: WEBHOOK_TOKEN_SECRET, correlationId: "gen_someone_else" });
    expect(await c.adapters.kling.verifyWebhook(asWebhookRequest(first!, { url: otherJob }))).toMatchObject({ ok: false, reason: "bad_token" });

    const once = await c.adapters.kling.verifyWebhook(asWebhookRequest(first!));
    const again = await c.adapters.kling.verifyWebhook(asWebhookRequest(first!));
    expect(once).toMatchObject({ ok: true, providerTaskId });
    expect(again.ok && once.ok && again.eventKey === once.eventKey).toBe(true);
  });
});
