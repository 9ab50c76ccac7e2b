import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseRunwareResponse } from "@/lib/providers/runware/status";
import { startContract, setFaults, type Contract } from "./support/contract";
import { generation, pollToEnd } from "./support/jobs";

// Every documented status maps somewhere (the provider files' own tests); a status word no document names must end
// the job at once — failed, classified, logged — instead of being read as "still running" until the deadline.
// The simulator's `endStatus` fault makes a job report such a word where the provider puts its status.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

describe("an undocumented status fails loudly", () => {
  for (const provider of ["kling", "wavespeed", "segmind", "fal"] as const) {
    it(`${provider}: the job fails with a transient error naming the word, at once`, async () => {
      await setFaults(c.sim, { providers: { [provider]: { endStatus: "REBOOTING_LLAMAS" } } });
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "a lighthouse" } });
        const { providerTaskId } = await c.adapters[provider].submit(request);
        const result = await pollToEnd(c.adapters[provider], request, providerTaskId, 4_000);
        expect(result).toMatchObject({ status: "failed", outputs: [], error: { class: "transient" } });
        expect(result.error!.message).toContain("REBOOTING_LLAMAS");
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${provider} reported an undocumented status`), expect.anything());
      } finally {
        warn.mockRestore();
      }
    });
  }

  it("runware: an item whose status is not processing/pending/success/error ends the task", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const taskUUID = "3f1e7a52-0000-4000-8000-000000000001";
    expect(parseRunwareResponse({ data: [{ taskType: "imageInference", taskUUID, status: "processing" }] }, { taskUUID })).toMatchObject({ status: "running" });
    expect(parseRunwareResponse({ data: [{ taskType: "imageInference", taskUUID, status: "paused" }] }, { taskUUID })).toMatchObject({
      status: "failed",
      error: { class: "transient", message: expect.stringContaining("paused") },
    });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
