import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RetryableJobError } from "@/lib/errors";
import { ingestOutput } from "@/lib/assets/ingest-output";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { downloadToFile } from "@/lib/outbound/download-to-file";
import { pendingOutput } from "./fixtures";
import { renderTestImage } from "./image-server";
import { ingestStorageForThisFile } from "./ingest-storage";

// The streaming copy against a real s3rver: whatever goes wrong mid-stream or in the decode, nothing is left in the
// bucket, and concurrent runs store one object.
const { images } = ingestStorageForThisFile({ tmpPrefix: "ingest-stream-s3-" });

const keys = async (prefix: string) => {
  const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!);
};

const leftovers = (teamId: string) => keys(`teams/${teamId}/`);

describe("ingestOutput, streaming", () => {
  it("refuses an image whose pixels don't decode, leaving nothing in the bucket", async () => {
    const { output, team } = await pendingOutput({ providerUrl: images.url("/corrupt.png") });
    await expect(ingestOutput({ outputId: output.id })).resolves.toEqual({
      status: "failed",
      reason: "The provider's image is damaged and could not be decoded.",
    });
    expect(await leftovers(team.id)).toEqual([]);
  });

  it("retries a download cut short of its Content-Length, leaving nothing", async () => {
    const { output, team } = await pendingOutput({ providerUrl: images.url("/truncated.png") });
    await expect(ingestOutput({ outputId: output.id })).rejects.toBeInstanceOf(RetryableJobError);
    expect(await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } })).toMatchObject({ status: "pending", attempts: 1 });
    expect(await leftovers(team.id)).toEqual([]);
  });

  it("refuses a wrong size from the header while streaming, leaving nothing", async () => {
    const { output, team } = await pendingOutput({ providerUrl: images.url("/img/4992x3328.png") });
    const outcome = await ingestOutput({ outputId: output.id });
    expect(outcome).toEqual({ status: "failed", reason: "The image is 4992×3328 pixels but 1k 1:1 should be 1024×1024." });
    expect(await leftovers(team.id)).toEqual([]);
  });

  it("ingests an image sent without a Content-Length", async () => {
    const { output, team, generation } = await pendingOutput({ providerUrl: images.url("/chunked/1024x1024.png") });
    await ingestOutput({ outputId: output.id });
    const asset = await db.asset.findFirstOrThrow({ where: { generationId: generation.id } });
    expect(asset).toMatchObject({ width: 1024, height: 1024, bytes: (await renderTestImage(1024, 1024, "png")).length });
    expect((await leftovers(team.id)).sort()).toEqual([asset.storageKey, asset.thumbLargeKey, asset.thumbSmallKey].sort());
  });

  it("stores one asset and one original when four ingests of the same output run at once", async () => {
    const { output, team, generation } = await pendingOutput({ providerUrl: images.url("/img/1024x1024.webp") });
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => ingestOutput({ outputId: output.id })));
    expect(outcomes.some((o) => o.status === "ingested")).toBe(true);
    expect(await db.asset.count({ where: { generationId: generation.id } })).toBe(1);
    const asset = await db.asset.findFirstOrThrow({ where: { generationId: generation.id } });
    expect(await keys(`teams/${team.id}/originals/`)).toEqual([asset.storageKey]);
    expect(await keys(`teams/${team.id}/thumbs/`)).toHaveLength(2);
    const row = await db.generationOutput.findUniqueOrThrow({ where: { id: output.id } });
    expect(row).toMatchObject({ status: "ingested", assetId: asset.id, attempts: 4 });
  });
});

describe("downloadToFile", () => {
  it("stops at the byte cap mid-stream", async () => {
    const error = await downloadToFile({ url: images.url("/huge"), fetch: { maxBytes: 3 * 1024 * 1024 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardedFetchError);
    expect((error as GuardedFetchError).kind).toBe("too_large");
  });

  it("hashes what it wrote, and discard removes the file", async () => {
    const downloaded = await downloadToFile({ url: images.url("/img/512x512.jpeg") });
    const bytes = await renderTestImage(512, 512, "jpeg");
    expect(downloaded).toMatchObject({ bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    expect((await fs.readFile(downloaded.file)).equals(bytes)).toBe(true);
    await downloaded.discard();
    await expect(fs.stat(downloaded.file)).rejects.toThrow();
  });
});
