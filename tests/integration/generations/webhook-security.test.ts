import { describe, expect, it, inject } from "vitest";
import { db } from "@/lib/db";
import { waveSpeedSignature } from "@/lib/providers/wavespeed/webhook";
import { WAVESPEED_WEBHOOK_SECRET } from "@/simulator/credentials";
import { memberOfNewTeam } from "@/tests/helpers/signed-in-user";
import { sim, waitForSettled } from "@/tests/helpers/pipeline";

type Delivery = { url: string; body: string; headers: Record<string, string>; attempts: { status?: number }[] };

async function snapshot(generationId: string) {
  const [generation, events, spend, assets] = await Promise.all([
    db.generation.findUniqueOrThrow({ where: { id: generationId } }),
    db.webhookEvent.count(),
    db.spendEntry.count({ where: { generationId } }),
    db.asset.count({ where: { generationId } }),
  ]);
  return { status: generation.status, updatedAt: generation.updatedAt.getTime(), events, spend, assets };
}

async function submit(api: (p: string, i?: RequestInit) => Promise<Response>, projectId: string, provider: string) {
  const res = await api(`/api/v1/projects/${projectId}/generations`, {
    method: "POST",
    body: JSON.stringify({ mode: "text-to-image", model: "kling-v3", provider, parameters: { prompt: `Signed by ${provider}` } }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

describe("webhook authentication", () => {
  it("refuses forged, tampered, stale and mis-tokened webhooks with 401 and changes nothing; a replay is ignored", { timeout: 120_000 }, async () => {
    await sim("/faults", { method: "DELETE" });
    const { api, project } = await memberOfNewTeam("owner");
    const wavespeedId = await submit(api, project.id, "wavespeed");
    const klingId = await submit(api, project.id, "kling");
    await waitForSettled([wavespeedId, klingId]);
    const deliveries = ((await sim<{ deliveries: Delivery[] }>("/deliveries?provider=wavespeed")).deliveries).filter((d) => d.url.includes(wavespeedId));
    const delivered = deliveries.find((d) => d.attempts.some((a) => a.status === 200))!;
    expect(delivered).toBeDefined();
    const before = await snapshot(wavespeedId);
    const post = (url: string, body: string, headers: Record<string, string>) =>
      fetch(url.replace(/^https?:\/\/[^/]+/, inject("appUrl")), { method: "POST", body, headers: { ...headers, "content-type": "application/json" } });

    const tampered = delivered.body.replace("completed", "failed");
    expect((await post(delivered.url, tampered, delivered.headers)).status).toBe(401);
    expect((await post(delivered.url, delivered.body, { ...delivered.headers, "webhook-signature": "v3,00ff" })).status).toBe(401);

    const staleTimestamp = String(Math.floor(Date.now() / 1000) - 400);
    const staleSignature = waveSpeedSignature({ secret: WAVESPEED_WEBHOOK_SECRET, id: "stale-1", timestamp: staleTimestamp, body: delivered.body });
    const stale = { ...delivered.headers, "webhook-id": "stale-1", "webhook-timestamp": staleTimestamp, "webhook-signature": `v3,${staleSignature}` };
    expect((await post(delivered.url, delivered.body, stale)).status).toBe(401);

    const forgedToken = delivered.url.replace(/token=[^&]+/, "token=forged");
    expect((await post(forgedToken, delivered.body, delivered.headers)).status).toBe(401);
    const klingUrl = `${inject("appUrl")}/api/webhooks/kling?cid=${klingId}&token=guess`;
    expect((await post(klingUrl, JSON.stringify({ task_id: "x", task_status: "succeed" }), {})).status).toBe(401);
    expect((await post(`${inject("appUrl")}/api/webhooks/wavespeed?cid=gen_unknown`, "{}", {})).status).toBe(401);

    // The genuine delivery again (a redelivery within the 5-minute window): acknowledged, changes nothing.
    const replay = await post(delivered.url, delivered.body, delivered.headers);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true });

    expect(await snapshot(wavespeedId)).toEqual(before);
  });
});
