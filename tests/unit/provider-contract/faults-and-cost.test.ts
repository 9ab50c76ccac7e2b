import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PROVIDER_IDS, type ProviderId } from "@/lib/kling/providers";
import { ProviderError } from "@/lib/providers/provider-error";
import { startContract, accountingLine, buildAdapters, control, setFaults, simJobs, type Contract } from "./support/contract";
import { download, expectOutputs, generation, pollToEnd } from "./support/jobs";

// Every fault class the simulator can inject, in each provider's own dialect, must reach the job runner as the
// right ProviderError class (or failed status), and provider-reported costs must equal the simulator's books.
// Real HTTP, image rendering and sharp: generous limits so a loaded CI machine does not flake.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

const simple = () => generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "fault injection", aspect_ratio: "1:1" } });
const faultsFor = (provider: ProviderId, faults: object) => setFaults(c.sim, { providers: { [provider]: faults } });

async function submitError(provider: ProviderId, request = simple()): Promise<ProviderError> {
  const error = await c.adapters[provider].submit(request).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${provider} submit should fail`).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe.each(PROVIDER_IDS)("%s: fault classes", (provider) => {
  it("429 → rate_limited with retryAfterMs, on submit and on a status poll", async () => {
    const request = simple();
    const { providerTaskId } = await c.adapters[provider].submit(request);
    await faultsFor(provider, { rateLimitRate: 1, retryAfterSeconds: 2 });
    const error = await submitError(provider);
    expect(error).toMatchObject({ errorClass: "rate_limited", httpStatus: 429, ambiguous: false });
    // Segmind sends only x-rate-limit-reset-at-utc (≈ now + 2 s), the others Retry-After: 2.
    if (provider === "segmind") expect(error.retryAfterMs).toBeGreaterThan(1_000);
    else expect(error.retryAfterMs).toBe(2_000);
    await expect(c.adapters[provider].getStatus({ providerTaskId, correlationId: request.correlationId, model: request.model })).rejects.toMatchObject({
      errorClass: "rate_limited",
    });
  });

  it("5xx → transient, and not ambiguous when the gateway says it did not process the request", async () => {
    for (const status of [500, 503] as const) {
      await faultsFor(provider, { serverErrorRate: 1, serverErrorStatus: status });
      expect(await submitError(provider)).toMatchObject({ errorClass: "transient", httpStatus: status, ambiguous: false });
    }
  });

  it("content safety → the job fails with class safety, unbilled", async () => {
    await faultsFor(provider, { safetyRate: 1 });
    const request = simple();
    const { providerTaskId } = await c.adapters[provider].submit(request);
    await setFaults(c.sim, {});
    const result = await pollToEnd(c.adapters[provider], request, providerTaskId);
    expect(result).toMatchObject({ status: "failed", outputs: [], error: { class: "safety" } });
    expect(result.providerCostMicros ?? 0).toBe(0);
    expect(await accountingLine(c.sim, provider, providerTaskId)).toMatchObject({ status: "failed", costMicros: 0 });
  });

  it("an internal job failure → failed with a retryable class", async () => {
    await faultsFor(provider, { jobFailureRate: 1 });
    const request = simple();
    const { providerTaskId } = await c.adapters[provider].submit(request);
    await setFaults(c.sim, {});
    const result = await pollToEnd(c.adapters[provider], request, providerTaskId);
    expect(result).toMatchObject({ status: "failed", outputs: [], error: { class: "transient" } });
  });

  it("quota or balance exhausted → quota", async () => {
    await faultsFor(provider, { quotaRate: 1 });
    expect(await submitError(provider)).toMatchObject({ errorClass: "quota", ambiguous: false });
    // A prepaid balance that no longer covers a job is refused the same way.
    await faultsFor(provider, { balanceMicros: 0 });
    expect(await submitError(provider)).toMatchObject({ errorClass: "quota" });
  });

  it("a wrong key → auth, on submit and on a status poll", async () => {
    const request = simple();
    const { providerTaskId } = await c.adapters[provider].submit(request);
    const wrong = buildAdapters(c.sim.url, { wrongKeys: true })[provider];
    await expect(wrong.submit(simple())).rejects.toMatchObject({ errorClass: "auth", httpStatus: 401 });
    await expect(wrong.getStatus({ providerTaskId, correlationId: request.correlationId, model: request.model })).rejects.toMatchObject({ errorClass: "auth" });
  });

  it("a submit that times out → ambiguous transient; the simulator did create the job", async () => {
    await faultsFor(provider, { timeoutRate: 1, timeoutMs: 50 });
    const request = simple();
    expect(await submitError(provider, request)).toMatchObject({ errorClass: "transient", ambiguous: true });
    await setFaults(c.sim, {});
    expect((await simJobs(c.sim, provider)).length).toBeGreaterThan(0);

    const find = c.adapters[provider].findByCorrelationId;
    if (provider !== "kling" && provider !== "runware") return expect(find).toBeUndefined();
    // Kling (external_task_id) and Runware (derived taskUUID) can be asked about our id: reconcile, never resubmit.
    const found = await find!({ correlationId: request.correlationId, model: request.model });
    expect(found).not.toBeNull();
    const mine = (await simJobs(c.sim, provider)).filter((j) => j.id === found!.providerTaskId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.correlationId).toBe(provider === "kling" ? request.correlationId : found!.providerTaskId);
    const result = await pollToEnd(c.adapters[provider], request, found!.providerTaskId);
    await expectOutputs(provider, request, result);
    expect(await find!({ correlationId: "gen_never_submitted", model: request.model })).toBeNull();
  });

  it("a 504 on submit is ambiguous too; where the provider can be asked, reconciling finds no job to adopt", async () => {
    await faultsFor(provider, { serverErrorRate: 1, serverErrorStatus: 504 });
    const request = simple();
    expect(await submitError(provider, request)).toMatchObject({ errorClass: "transient", httpStatus: 504, ambiguous: true });
    await setFaults(c.sim, {});
    // The simulator's gateway refused before the handler ran, so the correct reconciliation answer is "none".
    expect(await c.adapters[provider].findByCorrelationId?.({ correlationId: request.correlationId, model: request.model })).toBeFalsy();
  });

  it("an expired output URL → the provider's CDN refusal (fal 404, the others 403)", async () => {
    await faultsFor(provider, { outputTtlSeconds: 0 });
    const request = simple();
    const { providerTaskId } = await c.adapters[provider].submit(request);
    const result = await pollToEnd(c.adapters[provider], request, providerTaskId);
    expect(result.status).toBe("succeeded");
    expect(await download(result.outputs[0]!.url)).toEqual({ status: provider === "fal" ? 404 : 403 });
  });
});

describe("provider-reported cost equals the simulator's accounting", () => {
  const COSTED = [
    { provider: "kling", model: "kling-v3", mode: "text-to-image", params: { prompt: "three foxes", aspect_ratio: "1:1", num_images: 3 }, micros: 84_000 },
    { provider: "kling", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a 4k vista", aspect_ratio: "21:9", resolution: "4k" }, micros: 56_000 },
    { provider: "kling", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a series", aspect_ratio: "1:1", result_type: "series", series_amount: 2 }, micros: 56_000 },
    { provider: "runware", model: "kling-v3", mode: "text-to-image", params: { prompt: "two lanterns", aspect_ratio: "4:3", num_images: 2 }, micros: 56_000 },
    { provider: "runware", model: "kling-v3-omni", mode: "text-to-image", params: { prompt: "a 4k lantern", aspect_ratio: "9:16", resolution: "4k" }, micros: 56_000 },
    { provider: "segmind", model: "kling-v3", mode: "text-to-image", params: { prompt: "one mountain", aspect_ratio: "16:9", resolution: "2k" }, micros: 35_000 },
  ] as const;

  for (const job of COSTED) {
    it(`${job.provider} ${job.model} ${JSON.stringify(job.params)} → ${job.micros} micro-USD`, async () => {
      const request = generation(job);
      const { providerTaskId } = await c.adapters[job.provider].submit(request);
      const result = await pollToEnd(c.adapters[job.provider], request, providerTaskId, 15_000);
      expect(result.status).toBe("succeeded");
      const line = await accountingLine(c.sim, job.provider, providerTaskId);
      expect(line.costMicros).toBe(job.micros);
      expect(result.providerCostMicros).toBe(line.costMicros);
    }, 20_000);
  }

  // A price change at the provider (the control API's unitPriceMicros) is what the studio's price check exists to
  // notice: the reported cost must follow the provider's bill, not our price table.
  for (const job of [
    { provider: "runware", model: "kling-v3", mode: "text-to-image", params: { prompt: "two repriced lanterns", aspect_ratio: "4:3", num_images: 2 }, micros: 62_000 },
    { provider: "segmind", model: "kling-v3", mode: "text-to-image", params: { prompt: "a repriced mountain", aspect_ratio: "16:9" }, micros: 31_000 },
  ] as const) {
    it(`${job.provider} reports the changed price the simulator bills (${job.micros} micro-USD)`, async () => {
      await faultsFor(job.provider, { unitPriceMicros: 31_000 });
      const request = generation(job);
      const { providerTaskId } = await c.adapters[job.provider].submit(request);
      const result = await pollToEnd(c.adapters[job.provider], request, providerTaskId, 15_000);
      expect(result.status).toBe("succeeded");
      expect((await accountingLine(c.sim, job.provider, providerTaskId)).costMicros).toBe(job.micros);
      expect(result.providerCostMicros).toBe(job.micros);
    }, 20_000);
  }

  it("the simulator's totals add up to the lines", async () => {
    const books = await control(c.sim, "/accounting");
    const sum = (books.jobs as { costMicros: number }[]).reduce((s, j) => s + j.costMicros, 0);
    expect(books.totalCostMicros).toBe(sum);
  });
});
