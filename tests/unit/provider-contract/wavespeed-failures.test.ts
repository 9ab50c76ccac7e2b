import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Client } from "wavespeed";
import { WAVESPEED_API_KEY } from "@/simulator/credentials";
import { startContract, setFaults, type Contract } from "./support/contract";
import { generation, pollToEnd } from "./support/jobs";

// WaveSpeed's failed predictions and terminal states, one case at a time through our adapter and through WaveSpeed's
// official client (`wavespeed` on npm) against the same simulator:
// - a failed prediction carries a numeric task `code` beside `error` (wavespeed.ai/docs/error-codes; its example is
//   1402 "Failed to download image from the provided URL."), and the class comes from that code, not the words;
// - `cancelled`, `timeout` and `deleted` end a task like `failed` does (the client's TERMINAL_FAILURE_STATUSES).
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

const UNREACHABLE = "https://media.unreachable.invalid/reference.png";
const official = () => new Client(WAVESPEED_API_KEY, { baseUrl: `${c.sim.url}/wavespeed`, maxRetries: 0, timeout: 10 });
const EDIT = { prompt: "paint it blue", image: UNREACHABLE, aspect_ratio: "1:1", resolution: "1k", num_images: 1 };

async function adapterResult(inputs?: { images: { url: string }[] }) {
  const request = generation({ model: "kling-v3", mode: inputs ? "edit" : "text-to-image", params: { prompt: "paint it blue", aspect_ratio: "1:1" }, inputs });
  const { providerTaskId } = await c.adapters.wavespeed.submit(request);
  return pollToEnd(c.adapters.wavespeed, request, providerTaskId);
}

describe("wavespeed failures as documented", () => {
  it("a reference WaveSpeed cannot fetch fails with code 1402 and the page's message: invalid input, not transient", async () => {
    const result = await adapterResult({ images: [{ url: UNREACHABLE }] });
    expect(result).toMatchObject({ status: "failed", outputs: [], raw: { status: "failed", code: 1402, error: "Failed to download image from the provided URL." } });
    // The words alone ("Failed to download image…") read as transient; the documented code says fix the request.
    expect(result.error).toMatchObject({ class: "invalid_input" });
    await expect(official().run("kwaivgi/kling-image-v3/edit", EDIT, { pollInterval: 0.05 })).rejects.toThrow(/Failed to download image from the provided URL\./);
  });

  for (const [fault, code, errorClass] of [["safetyRate", 1200, "safety"], ["jobFailureRate", 5000, "transient"]] as const) {
    it(`${fault}: the prediction says code ${code}, and the adapter classes it ${errorClass}`, async () => {
      await setFaults(c.sim, { providers: { wavespeed: { [fault]: 1 } } });
      const result = await adapterResult();
      expect(result).toMatchObject({ status: "failed", raw: { code }, error: { class: errorClass } });
    });
  }

  for (const [word, expected] of [
    ["cancelled", { status: "cancelled" }],
    ["timeout", { status: "failed", error: { class: "transient" } }],
    ["deleted", { status: "failed", error: { class: "transient" } }],
  ] as const) {
    it(`a task that ends "${word}" is over for the adapter and for the official client alike`, async () => {
      await setFaults(c.sim, { providers: { wavespeed: { endStatus: word } } });
      const result = await adapterResult();
      expect(result).toMatchObject({ ...expected, outputs: [], raw: { status: word } });
      await expect(official().run("kwaivgi/kling-image-v3/text-to-image", { prompt: "x" }, { pollInterval: 0.05, timeout: 5 })).rejects.toThrow(/Prediction failed/);
    });
  }
});
