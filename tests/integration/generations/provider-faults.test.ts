import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, waitFor, waitForSettled } from "@/tests/helpers/pipeline";

type Job = { provider: string; correlationId: string | null };
type Request = { provider: string; status: number };

async function setup() {
  const member = await memberOfNewTeam("owner");
  const submit = async (provider: string, prompt: string) => {
    const res = await member.api(`/api/v1/projects/${member.project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider, parameters: { prompt, num_images: 1 } }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  return { ...member, submit };
}

const generation = (id: string) => db.generation.findUniqueOrThrow({ where: { id }, include: { spend: true } });

afterEach(() => sim("/faults", { method: "DELETE" }));

describe("provider faults", () => {
  it("retries rate limits and server errors until the job goes through", { timeout: 180_000 }, async () => {
    const { submit } = await setup();
    // Every request refused until each provider has turned us away twice; then the outage ends.
    await sim("/faults", { body: { providers: { kling: { rateLimitRate: 1, retryAfterSeconds: 1 }, runware: { serverErrorRate: 1, serverErrorStatus: 503 } } } });
    const ids = [await submit("kling", "Through a rate limit"), await submit("runware", "Through an outage")];
    await waitFor(
      async () => {
        const { requests } = await sim<{ requests: Request[] }>("/state");
        return requests.filter((r) => r.provider === "kling" && r.status === 429).length >= 2 && requests.filter((r) => r.provider === "runware" && r.status === 503).length >= 2;
      },
      { what: "two refusals from each provider" },
    );
    expect(await db.generation.count({ where: { id: { in: ids }, status: "failed" } })).toBe(0);
    await sim("/faults", { method: "DELETE" });
    await waitForSettled(ids, 150_000);
    for (const id of ids) {
      const g = await generation(id);
      expect(g.status, `${g.provider}: ${g.errorClass} ${g.errorMessage}`).toBe("succeeded");
    }
  });

  it("ends safety and quota failures with the right class, a plain message and the money released", { timeout: 120_000 }, async () => {
    const { submit } = await setup();
    await sim("/faults", { body: { providers: { segmind: { safetyRate: 1 }, fal: { quotaRate: 1 } } } });
    const safety = await submit("segmind", "Something the filter refuses");
    const quota = await submit("fal", "No balance left");
    await waitForSettled([safety, quota]);
    const [s, q] = [await generation(safety), await generation(quota)];
    expect([s.status, s.errorClass]).toEqual(["failed", "safety"]);
    expect([q.status, q.errorClass]).toEqual(["failed", "quota"]);
    for (const g of [s, q]) {
      expect(g.errorMessage).toMatch(/^The provider[^\n]{5,400}$/);
      expect(g.spend.reduce((sum, e) => sum + e.amountMicros, 0n)).toBe(0n);
    }
  });

  it("reconciles an ambiguous submit timeout by correlation id instead of paying twice", { timeout: 120_000 }, async () => {
    const { submit } = await setup();
    await sim("/faults", { body: { providers: { kling: { timeoutRate: 1, timeoutMs: 300 } } } });
    const id = await submit("kling", "Lost in transit");
    await waitFor(async () => (await sim<{ jobs: Job[] }>("/jobs")).jobs.some((j) => j.correlationId === id), { what: "the timed-out job at the provider" });
    await sim("/faults", { method: "DELETE" });
    await waitForSettled([id]);
    expect((await generation(id)).status).toBe("succeeded");
    expect((await sim<{ jobs: Job[] }>("/jobs")).jobs.filter((j) => j.correlationId === id)).toHaveLength(1);
  });

  it("fails a job the provider never finishes once its deadline passes", { timeout: 120_000 }, async () => {
    const { submit } = await setup();
    await sim("/faults", { body: { providers: { wavespeed: { stuckRate: 1 } } } });
    const id = await submit("wavespeed", "Never comes back");
    await waitFor(async () => (await generation(id)).status === "submitted" || (await generation(id)).status === "running", { what: "submission" });
    await db.generation.update({ where: { id }, data: { deadlineAt: new Date(Date.now() + 2_000) } });
    await waitForSettled([id], 90_000);
    const g = await generation(id);
    expect([g.status, g.errorClass]).toEqual(["failed", "timeout"]);
    expect(g.spend.reduce((sum, e) => sum + e.amountMicros, 0n)).toBe(0n);
  });
});
