import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { RUNWARE_API_KEY } from "@/simulator/credentials";
import { buildAdapters, startContract, type Contract } from "./support/contract";

// Runware's Prompt Enhancer utility (docs.runware.ai/en/utilities/prompt-enhancer), adapter ↔ simulator: the
// promptEnhance task answers in the same response with one text per version; the documented limits are enforced.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
let c: Contract;
beforeAll(async () => {
  c = await startContract();
});
afterAll(() => c.close());

async function task(body: object) {
  const res = await fetch(`${c.sim.url}/runware/v1`, {
    method: "POST",
    headers: { authorization: `Bearer ${RUNWARE_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify([{ taskType: "promptEnhance", taskUUID: randomUUID(), prompt: "a red sneaker", promptMaxLength: 64, promptVersions: 2, ...body }]),
  });
  return { status: res.status, body: (await res.json()) as { data?: { text: string }[]; errors?: { code: string; parameter: string }[] } };
}

describe("Runware prompt enhancer against the simulator", () => {
  it("returns the versions asked for, each starting from the prompt", async () => {
    const suggestions = await c.adapters.runware.enhancePrompt!({ prompt: "a red sneaker", versions: 3, maxTokens: 120 });
    expect(suggestions).toHaveLength(3);
    for (const s of suggestions) expect(s.startsWith("a red sneaker, ")).toBe(true);
    expect(new Set(suggestions).size).toBe(3);
  });

  it("refuses what the documents forbid, with the parameter named", async () => {
    expect((await task({ prompt: "x".repeat(301) })).body.errors?.[0]).toMatchObject({ code: "invalidPrompt", parameter: "prompt" });
    expect((await task({ promptMaxLength: 11 })).body.errors?.[0]).toMatchObject({ code: "invalidPromptMaxLength" });
    expect((await task({ promptVersions: 6 })).body.errors?.[0]).toMatchObject({ code: "invalidPromptVersions" });
    expect((await task({ taskUUID: "not-a-uuid" })).body.errors?.[0]).toMatchObject({ code: "invalidTaskUUID" });
    const ok = await task({});
    expect([ok.status, ok.body.data?.length]).toEqual([200, 2]);
  });

  it("a wrong key is an auth error", async () => {
    const wrong = buildAdapters(c.sim.url, { wrongKeys: true }).runware;
    await expect(wrong.enhancePrompt!({ prompt: "a fox", versions: 1, maxTokens: 40 })).rejects.toMatchObject({ errorClass: "auth" });
  });
});
