import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startContract, setFaults, type Contract } from "./support/contract";
import { generation, pollToEnd } from "./support/jobs";

// Output links as the providers document them, read through each adapter: Kling's result links are signed per read
// ("anti-hotlink", K-cn omni-image-o1), so asking again gives a new link; the others give a link that lives as
// long as the output, so asking again gives the same one. A dead link stays dead however often it is fetched.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());
afterEach(() => setFaults(c.sim, {}));

async function twoReads(provider: "kling" | "wavespeed" | "runware" | "segmind" | "fal") {
  const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "a lighthouse" } });
  const { providerTaskId } = await c.adapters[provider].submit(request);
  const first = await pollToEnd(c.adapters[provider], request, providerTaskId);
  const second = await c.adapters[provider].getStatus({ providerTaskId, correlationId: request.correlationId, model: request.model, expectedImages: 1 });
  return [first.outputs[0]!.url, second.outputs[0]!.url] as const;
}

describe("output links", () => {
  it("Kling signs a new link per read; both work", async () => {
    const [a, b] = await twoReads("kling");
    expect(a).not.toBe(b);
    for (const url of [a, b]) expect((await fetch(url)).status).toBe(200);
  });

  for (const provider of ["wavespeed", "runware", "segmind", "fal"] as const) {
    it(`${provider} gives the same link again`, async () => {
      const [a, b] = await twoReads(provider);
      expect(a).toBe(b);
    });
  }

  it("a link the expiry fault killed stays dead; a new Kling link gets its own chance", async () => {
    await setFaults(c.sim, { providers: { kling: { outputExpiredRate: 0.5 } } });
    const links = await Promise.all(Array.from({ length: 4 }, () => twoReads("kling")));
    const answers = await Promise.all(links.flat().map(async (url) => [await fetch(url), await fetch(url), await fetch(url)].map((r) => r.status)));
    for (const statuses of answers) expect(new Set(statuses).size).toBe(1); // decided per link, not per download
    const dead = answers.filter((s) => s[0] === 403).length;
    expect(dead).toBeGreaterThan(0);
    expect(dead).toBeLessThan(answers.length);
  });
});
