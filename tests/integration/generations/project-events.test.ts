import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generationRows } from "@/prisma/factories/generation-rows";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";

// GET /api/v1/projects/:projectId/events: what a studio tab's stream tells it about changes it could not hear.

type Stream = { text: () => string; ended: Promise<void>; close: () => void };

async function openStream(api: (path: string, init?: RequestInit) => Promise<Response>, projectId: string, since?: Date): Promise<Stream> {
  const controller = new AbortController();
  const query = since ? `?since=${encodeURIComponent(since.toISOString())}` : "";
  const res = await api(`/api/v1/projects/${projectId}/events${query}`, { signal: controller.signal, headers: { accept: "text/event-stream" } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })();
  return { text: () => text, ended, close: () => controller.abort() };
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("project event stream", () => {
  it("says resync to a stream whose page rendered before a change, and nothing when nothing changed", async () => {
    const { api, project, team } = await memberOfNewTeam("owner");
    const quiet = await openStream(api, project.id, new Date());
    await until(() => quiet.text().includes(": connected"), "the first stream to connect");
    await new Promise((r) => setTimeout(r, 500));
    expect(quiet.text()).not.toContain("event: resync");
    quiet.close();

    const renderedAt = new Date(Date.now() - 60_000);
    await db.generation.createMany({ data: generationRows({ teamId: team.id, projectId: project.id, count: 1, status: "queued", prompt: "after the render" }) });
    const stale = await openStream(api, project.id, renderedAt);
    await until(() => stale.text().includes("event: resync"), "the second stream to say resync");
    stale.close();
  });

  it("ends every stream when the app's LISTEN connection is lost, and the reconnect catches up", async () => {
    const { api, project, team } = await memberOfNewTeam("owner");
    const first = await openStream(api, project.id, new Date());
    await until(() => first.text().includes(": connected"), "the stream to connect");

    // PostgreSQL drops the studio's LISTEN connection (a failover, a restart); a generation changes meanwhile.
    const lostAt = new Date();
    const killed = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN studio_events'`;
    expect(killed.length).toBeGreaterThan(0);
    let ended = false;
    void first.ended.then(() => (ended = true));
    await until(() => ended, "the server to end the stream"); // a browser then reconnects after `retry`
    await db.generation.createMany({ data: generationRows({ teamId: team.id, projectId: project.id, count: 1, status: "succeeded", prompt: "while nobody listened" }) });

    const again = await openStream(api, project.id, lostAt);
    await until(() => again.text().includes("event: resync"), "the reconnected stream to say resync");
    again.close();
  });
});
