import { inject, describe, expect, it } from "vitest";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";

// GET /api/metrics on the running app: the token the stack was given (tests/setup/stack-global.ts), and figures that
// follow a real generation through the pipeline.
const scrape = (authorization?: string) =>
  fetch(`${inject("appUrl")}/api/metrics`, { headers: authorization ? { authorization } : {} });

describe("GET /api/metrics", () => {
  it("refuses a scrape without the token", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-metrics-token")).status).toBe(401);
  });

  it("reports submits, provider latency, queue depth, generations by status, failures and spend in Prometheus format", async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, project } = await memberOfNewTeam("editor");
    const res = await api(`/api/v1/projects/${project.id}/generations`, {
      method: "POST",
      body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: "Count me", num_images: 1 } }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await waitForSettled([id]);

    const answer = await scrape(`Bearer ${inject("stackEnv").METRICS_TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"=.]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1]);
    expect(value('studio_generations{status="succeeded"}')).toBeGreaterThanOrEqual(1);
    expect(value('studio_spend_usd{provider="kling",kind="settlement"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^studio_queue_jobs\{queue="generation\.submit",state="ready"\} \d+$/m);
    expect(text).toMatch(/^# TYPE studio_job_duration_seconds histogram$/m);
    expect(text).toMatch(/^# TYPE studio_generation_failures gauge$/m);
    // The web process made the first submit itself (start-first-submit.ts), so its own counters saw the call.
    expect(value('studio_provider_submits_total{provider="kling",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^studio_provider_request_duration_seconds_count\{provider="kling",operation="submit",outcome="ok"\} [1-9]\d*$/m);
  });
});
