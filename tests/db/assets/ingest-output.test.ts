import { GetObjectCommand } from "@aws-sdk/client-s3";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { RetryableJobError } from "@/lib/errors";
import { lostPaidImageReason } from "@/lib/assets/download-failure";
import { ingestOutput } from "@/lib/assets/ingest-output";
import { assetUrls } from "@/lib/assets/asset-urls";
import { env } from "@/lib/env";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { pendingOutput } from "./fixtures";
import { renderTestImage } from "./image-server";
import { ingestStorageForThisFile } from "./ingest-storage";

const { images } = ingestStorageForThisFile({ tmpPrefix: "ingest-s3-" });
let listener: pg.Client;
const events: { type: string; generationId: string; assetId?: string; reason?: string }[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => events.push(JSON.parse(n.payload ?? "{}")));
  await listener.query("LISTEN studio_events");
});

afterAll(async () => {
  await listener?.end();
});

const getObject = async (key: string) =>
  Buffer.from(await (await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }))).Body!.transformToByteArray());

// NOTIFY is delivered after commit, asynchronously; give it a moment before counting.
const eventsFor = async (generationId: string) => {
  await new Promise((r) => setTimeout(r, 100));
  return events.filter((e) => e.generationId === generationId);
};

describe("ingestOutput", () => {
  it("stores the original, WebP thumbnails and a thumbhash, and records one asset", async () => {
    const { generation, output, team, user } = await pendingOutput({ providerUrl: images.url("/img/1024x1024.png") });
    await ingestOutput({ outputId: output.id });

    const row = await db.generationOutput.findUniqueOrThrow({ where: { id: output.id }, include: { asset: true } });
    expect(row).toMatchObject({ status: "ingested", attempts: 1, failureReason: null });
    const asset = row.asset!;
    expect(asset).toMatchObject({ teamId: team.id, generationId: generation.id, outputIndex: 0, createdById: user.id });
    expect(asset).toMatchObject({ width: 1024, height: 1024, format: "png" });
    const original = await renderTestImage(1024, 1024, "png");
    expect(asset.bytes).toBe(original.length);
    expect((await getObject(asset.storageKey)).equals(original)).toBe(true);
    for (const [key, width] of [[asset.thumbSmallKey!, 256], [asset.thumbLargeKey!, 768]] as const) {
      const meta = await sharp(await getObject(key)).metadata();
      expect(meta).toMatchObject({ format: "webp", width, height: width });
    }
    expect(Buffer.from(asset.thumbhash!, "base64").length).toBeGreaterThan(5);

    // Browsers get the bytes only through presigned URLs.
    const urls = await assetUrls(asset);
    expect(Buffer.from(await (await fetch(urls.original)).arrayBuffer()).equals(original)).toBe(true);
    expect((await fetch(urls.thumbSmall)).headers.get("content-type")).toBe("image/webp");
    expect((await fetch(urls.download)).headers.get("content-disposition")).toBe(`attachment; filename="${asset.id}.png"`);
    // Signed as of the start of the URL window, valid two windows (lib/assets/presign-windowed.ts).
    expect(new URL(urls.original).searchParams.get("X-Amz-Expires")).toBe(String(2 * env().ASSET_URL_WINDOW_SECONDS));
    expect((await eventsFor(generation.id)).map((e) => e.type)).toEqual(["asset.created"]);
  });

  it("copies a 4992×3328 PNG (4k 3:2) and never upscales thumbnails of small images", async () => {
    const big = await pendingOutput({
      providerUrl: images.url("/img/4992x3328.png"),
      parameters: { prompt: "wide", aspect_ratio: "3:2", resolution: "4k", output_format: "png" },
    });
    await ingestOutput({ outputId: big.output.id });
    const asset = await db.asset.findFirstOrThrow({ where: { generationId: big.generation.id } });
    expect(asset).toMatchObject({ width: 4992, height: 3328 });
    expect(await sharp(await getObject(asset.thumbLargeKey!)).metadata()).toMatchObject({ width: 768, height: 512 });

    // aspect_ratio auto has no predictable size, so a 200×300 image passes and keeps its own width.
    const small = await pendingOutput({ providerUrl: images.url("/img/200x300.webp"), parameters: { prompt: "p", aspect_ratio: "auto", resolution: "1k" } });
    await ingestOutput({ outputId: small.output.id });
    const tiny = await db.asset.findFirstOrThrow({ where: { generationId: small.generation.id } });
    expect(await sharp(await getObject(tiny.thumbSmallKey!)).metadata()).toMatchObject({ width: 200, height: 300 });
  });

  it("creates exactly one asset when run concurrently, again, or after a concurrent run created the row", async () => {
    const { generation, output } = await pendingOutput({ providerUrl: images.url("/img/1024x1024.jpeg") });
    await Promise.all([ingestOutput({ outputId: output.id }), ingestOutput({ outputId: output.id }), ingestOutput({ outputId: output.id })]);
    await expect(ingestOutput({ outputId: output.id })).resolves.toEqual({ status: "skipped", current: "ingested" });
    expect(await db.asset.count({ where: { generationId: generation.id } })).toBe(1);
    expect((await eventsFor(generation.id)).filter((e) => e.type === "asset.created")).toHaveLength(1);

    // A row left by a run that committed the asset but not yet seen here: reused, not duplicated.
    const second = await pendingOutput({ providerUrl: images.url("/img/1024x1024.png") });
    const existing = await db.asset.create({
      data: {
        id: createId("asset"), teamId: second.team.id, projectId: second.project.id, generationId: second.generation.id,
        outputIndex: 0, storageKey: "k", width: 1024, height: 1024, bytes: 1, format: "png", sha256: "x",
      },
    });
    await ingestOutput({ outputId: second.output.id });
    const row = await db.generationOutput.findUniqueOrThrow({ where: { id: second.output.id } });
    expect(row).toMatchObject({ status: "ingested", assetId: existing.id });
  });

  it("puts the asset into the collection chosen at generation time, once, however often the ingest runs", async () => {
    const { generation, output, team, project } = await pendingOutput({ providerUrl: images.url("/img/1024x1024.png") });
    const collection = await db.collection.create({ data: { id: createId("collection"), teamId: team.id, projectId: project.id, name: "Picks" } });
    await db.generation.update({ where: { id: generation.id }, data: { collectionId: collection.id } });
    await Promise.all([ingestOutput({ outputId: output.id }), ingestOutput({ outputId: output.id })]);
    await ingestOutput({ outputId: output.id });
    const asset = await db.asset.findFirstOrThrow({ where: { generationId: generation.id } });
    expect(await db.collectionAsset.findMany({ where: { collectionId: collection.id }, select: { assetId: true } })).toEqual([{ assetId: asset.id }]);

    // The collection deleted before the images arrive: the generation forgets it and the ingest still records the asset.
    const later = await pendingOutput({ providerUrl: images.url("/img/1024x1024.png") });
    const gone = await db.collection.create({ data: { id: createId("collection"), teamId: later.team.id, projectId: later.project.id, name: "Gone" } });
    await db.generation.update({ where: { id: later.generation.id }, data: { collectionId: gone.id } });
    await db.collection.delete({ where: { id: gone.id } });
    await ingestOutput({ outputId: later.output.id });
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: later.output.id } })).toMatchObject({ status: "ingested" });
  });

  it("fails an expired link (403) at once, with a reason, and publishes output.failed", async () => {
    const { generation, output } = await pendingOutput({ providerUrl: images.url("/expired") });
    // No provider task id to ask for a fresh link (tests/db/assets/ingest-expired-link.test.ts asks a provider).
    const EXPIRED_REASON = lostPaidImageReason({ index: 0, provider: "runware" });
    await expect(ingestOutput({ outputId: output.id })).resolves.toEqual({ status: "failed", reason: EXPIRED_REASON });
    const row = await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } });
    expect(row).toMatchObject({ status: "failed", failureReason: EXPIRED_REASON, attempts: 1, assetId: null });
    // A failed output is final: a duplicate job neither downloads again nor publishes a second event.
    await expect(ingestOutput({ outputId: output.id })).resolves.toEqual({ status: "skipped", current: "failed" });
    expect(await eventsFor(generation.id)).toMatchObject([{ type: "output.failed", index: 0, reason: EXPIRED_REASON }]);
  });

  it("fails an image whose size or format is not what the generation asked for", async () => {
    const wrongSize = await pendingOutput({ providerUrl: images.url("/img/512x512.png") });
    await ingestOutput({ outputId: wrongSize.output.id });
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: wrongSize.output.id } })).toMatchObject({
      status: "failed",
      failureReason: "The image is 512×512 pixels but 1k 1:1 should be 1024×1024.",
    });
    const wrongFormat = await pendingOutput({
      providerUrl: images.url("/img/1024x1024.png"),
      parameters: { prompt: "p", aspect_ratio: "1:1", resolution: "1k", output_format: "webp" },
    });
    await ingestOutput({ outputId: wrongFormat.output.id });
    expect((await db.generationOutput.findUniqueOrThrow({ where: { id: wrongFormat.output.id } })).failureReason).toBe(
      "The image is PNG but the generation asked for WEBP.",
    );
    expect(await db.asset.count({ where: { generationId: { in: [wrongSize.generation.id, wrongFormat.generation.id] } } })).toBe(0);
  });

  it("refuses a redirect to a private address and a download over the size cap, for good", async () => {
    const redirected = await pendingOutput({ providerUrl: images.url("/to-private") });
    await ingestOutput({ outputId: redirected.output.id });
    expect((await db.generationOutput.findUniqueOrThrow({ where: { id: redirected.output.id } })).failureReason).toMatch(/private network address/);

    const huge = await pendingOutput({ providerUrl: images.url("/huge") });
    await ingestOutput({ outputId: huge.output.id });
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: huge.output.id } })).toMatchObject({
      status: "failed",
      failureReason: expect.stringMatching(/larger than our download limit/),
    });
  });

  it("asks for a retry on 503, and gives up once the attempts are spent", async () => {
    const { output } = await pendingOutput({ providerUrl: images.url("/unavailable") });
    await expect(ingestOutput({ outputId: output.id, maxAttempts: 2 })).rejects.toBeInstanceOf(RetryableJobError);
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } })).toMatchObject({ status: "pending", attempts: 1 });
    await ingestOutput({ outputId: output.id, maxAttempts: 2 });
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } })).toMatchObject({
      status: "failed",
      attempts: 2,
      failureReason: "We couldn't copy the image from the provider after 2 attempts.",
    });
  });
});
