import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, stackControl, waitForSettled } from "@/tests/helpers/pipeline";

// Scale-out, shown: two web processes and two workers on one database, as two machines behind a load balancer would
// run them. Submits are spread over both webs, providers deliver webhooks to both, every generation is sent and
// finished exactly once, and a tab connected to web A sees, live, a generation submitted through web B.

type Delivery = { jobId: string; url: string; attempts: { status?: number }[] };
type AccountingLine = { externalId: string; correlationId: string | null };

async function addWeb(): Promise<string> {
  const res = await fetch(`${inject("stackControlUrl")}/web/add`, { method: "POST" });
  if (!res.ok) throw new Error(`web add failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { url: string }).url;
}

async function submitsCounted(url: string): Promise<number> {
  const res = await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${inject("stackEnv").METRICS_TOKEN}` } });
  const text = await res.text();
  return [...text.matchAll(/^studio_provider_submits_total\{[^}]*provider="kling"[^}]*outcome="ok"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe("two web processes and two workers on one database", () => {
  it("spreads submits and webhooks over both webs, finishes each generation once, and streams B's change to A's tab", async () => {
    await sim("/faults", { method: "DELETE" });
    const webA = inject("appUrl");
    const [webB] = await Promise.all([addWeb(), stackControl("add")]);
    expect(webB).not.toBe(webA);

    const { api, project, team, user } = await memberOfNewTeam("owner");
    const access = await resolveTeamAccess({ caller: { kind: "user", userId: user.id }, teamId: team.id, permission: "apikey.manage" });
    const { key } = await createApiKey({ access, input: { name: "scale-out", access: "read_write", projectIds: [] } });

    // A studio tab on web A, listening to the project.
    const controller = new AbortController();
    const stream = await api(`/api/v1/projects/${project.id}/events`, { signal: controller.signal, headers: { accept: "text/event-stream" } });
    expect(stream.status).toBe(200);
    let events = "";
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        events += decoder.decode(value, { stream: true });
      }
    })();
    const deadline = Date.now() + 10_000;
    while (!events.includes(": connected") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain(": connected");

    // Eight submits, alternating between the two web processes.
    const webs = [webA, webB];
    const submitted = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const res = await fetch(`${webs[i % 2]}/api/v1/projects/${project.id}/generations`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider: "kling", parameters: { prompt: `scale-out ${i}`, num_images: 1 } }),
        });
        if (res.status !== 202) {
          const logs = await (await fetch(`${inject("stackControlUrl")}/output`)).text();
          throw new Error(`submit ${i} through ${webs[i % 2]} answered ${res.status} ${await res.text()}\n${logs.slice(-6000)}`);
        }
        return { id: ((await res.json()) as { id: string }).id, web: webs[i % 2]! };
      }),
    );
    const ids = submitted.map((s) => s.id);
    await waitForSettled(ids);

    // Web A's tab heard about a generation that web B created (its NOTIFY reached A's LISTEN through PostgreSQL).
    const viaB = submitted.filter((s) => s.web === webB).map((s) => s.id);
    const heardDeadline = Date.now() + 10_000;
    while (!viaB.every((id) => events.includes(id)) && Date.now() < heardDeadline) await new Promise((r) => setTimeout(r, 50));
    for (const id of viaB) expect(events).toContain(id);
    controller.abort();

    // Each generation finished once: succeeded, one output, one asset, one settlement.
    const rows = await db.generation.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, correlationId: true } });
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => "succeeded"));
    for (const id of ids) {
      expect(await db.generationOutput.count({ where: { generationId: id } })).toBe(1);
      expect(await db.asset.count({ where: { generationId: id } })).toBe(1);
      expect(await db.spendEntry.count({ where: { generationId: id, kind: "settlement" } })).toBe(1);
    }

    // …and was sent to the provider once: one provider job per correlation id.
    const { jobs } = await sim<{ jobs: AccountingLine[] }>("/accounting");
    const ours = jobs.filter((j) => rows.some((r) => r.correlationId === j.correlationId));
    expect(ours.map((j) => j.correlationId).sort()).toEqual(rows.map((r) => r.correlationId).sort());

    // Both web processes sent submits (the creating process's first attempt), and both received webhooks.
    expect(await submitsCounted(webB)).toBeGreaterThan(0);
    expect(await submitsCounted(webA)).toBeGreaterThan(0);
    const { deliveries } = await sim<{ deliveries: Delivery[] }>("/deliveries?provider=kling");
    const answered = deliveries.filter((d) => ours.some((j) => j.externalId === d.jobId) && d.attempts.some((a) => a.status === 200));
    for (const web of webs) expect(answered.some((d) => d.url.startsWith(`${web}/api/webhooks/`))).toBe(true);
  });
});
