import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ingestOutput } from "@/lib/assets/ingest-output";
import { lostPaidImageReason } from "@/lib/assets/download-failure";
import { toGenerationDto } from "@/lib/generations/generation-dto";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import { studioEnvFor } from "@/simulator/studio-env";
import { generation, pollToEnd } from "../../unit/provider-contract/support/jobs";
import { pendingOutput } from "./fixtures";
import { ingestStorageForThisFile } from "./ingest-storage";

// A provider link that died before we copied its (paid) image: the ingest asks the provider's status API once for a
// link that works now. Kling signs a new link on every read, so the image is saved; WaveSpeed repeats the link it
// gave (it lives as long as the output), so the image is lost, and the output says which one and that it was paid.
// The simulator stands in for both (its URLs and keys as env, no team credentials), started before lib/env.ts is first read.
let sim: RunningSimulator;
let listener: pg.Client;
const events: { type: string; generationId: string; index?: number; reason?: string }[] = [];
beforeAll(async () => {
  sim = await startSimulator({ port: 0, host: "127.0.0.1", seed: 7, timing: { queuedMs: 20, processingMs: 40 } });
  // As the stack hands a running simulator to the studio: its URLs and keys, as a real provider's would be.
  Object.assign(process.env, studioEnvFor(sim.url));
});
ingestStorageForThisFile({ tmpPrefix: "ingest-expired-" });
beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => events.push(JSON.parse(n.payload ?? "{}")));
  await listener.query("LISTEN studio_events");
});
afterAll(async () => {
  await listener?.end();
  await sim?.close();
});

const faults = (settings: object) =>
  fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });

/** A finished job at the provider and a pending output pointing at the link its status gave. */
async function finishedJob(provider: "kling" | "wavespeed") {
  const { adapter } = await adapterForTeam({ teamId: "team_none", provider });
  const request = generation({ model: "kling-v3", mode: "text-to-image", params: { prompt: "a lighthouse", aspect_ratio: "1:1", resolution: "1k" } });
  const { providerTaskId } = await adapter.submit(request);
  const result = await pollToEnd(adapter, request, providerTaskId);
  expect(result.status).toBe("succeeded");
  const url = result.outputs[0]!.url;
  const row = await pendingOutput({ providerUrl: url, job: { provider, providerTaskId, correlationId: request.correlationId } });
  return { ...row, url, providerTaskId };
}

async function untilDead(url: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await fetch(url)).status === 403) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`link never expired: ${url}`);
}

describe("an expired output link", () => {
  it("Kling: asks once for a fresh link and saves the image", async () => {
    await faults({ providers: { kling: { linkTtlSeconds: 1 } } });
    const { output, url } = await finishedJob("kling");
    await untilDead(url);
    await expect(ingestOutput({ outputId: output.id })).resolves.toMatchObject({ status: "ingested" });
    const row = await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } });
    expect(row).toMatchObject({ status: "ingested", failureReason: null, attempts: 1 });
    expect(row.providerUrl).not.toBe(url); // the fresh link is kept on the row
  });

  it("WaveSpeed: the same link comes back, so the paid image is failed plainly, naming it", async () => {
    await faults({ providers: { wavespeed: { outputTtlSeconds: 0 } } });
    const { generation: gen, output, url, providerTaskId } = await finishedJob("wavespeed");
    await untilDead(url);
    const asked = () => fetch(`${sim.url}/_sim/state`).then(async (r) => ((await r.json()) as { requests: { path: string }[] }).requests.filter((q) => q.path.includes(providerTaskId)).length);
    const before = await asked();
    const reason = lostPaidImageReason({ index: 0, provider: "wavespeed" });
    expect(reason).toBe("Image 1 was paid for but lost: the download link from WaveSpeedAI had expired before we could copy it, and asking WaveSpeedAI again gave no working link.");
    await expect(ingestOutput({ outputId: output.id })).resolves.toEqual({ status: "failed", reason });
    expect(await asked()).toBe(before + 1); // asked the provider once
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } })).toMatchObject({ status: "failed", failureReason: reason, providerUrl: url });
    await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => e.generationId === gen.id)).toMatchObject([{ type: "output.failed", index: 0, reason }]);
    // What the API (and the studio's card, which renders this DTO) says: which image, and that it was paid for.
    const dto = await toGenerationDto(await db.generation.findUniqueOrThrow({ where: { id: gen.id }, include: { outputs: { include: { asset: true } } } }));
    expect(dto.outputs).toMatchObject([{ index: 0, status: "failed", failureReason: reason, lost: true, paidFor: true, asset: null }]);
    expect(dto.lostImages).toEqual({ images: [1], paidFor: true, message: "Image 1 was paid for but lost: we could not copy it from the provider, so it is not in the gallery." });
  });
});
