import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { originalKey, thumbnailKey } from "@/lib/storage/object-keys";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { resolveTeamAccess } from "@/lib/teams/resolve-team-access";
import { getAssetsOrThrow } from "@/lib/assets/get-assets-or-throw";
import { bulkAssets } from "@/lib/assets/bulk-assets";
import { purgeOldTrash } from "@/lib/assets/purge-old-trash";
import { zipAssets } from "@/lib/assets/zip-assets";
import { convertAssetImage } from "@/lib/assets/convert-asset-image";
import { getAssetDetail } from "@/lib/assets/get-asset-detail";
import { assetTagNames } from "@/lib/assets/asset-tag-names";
import { bulkAssetsInput } from "@/lib/assets/asset-schemas";
import { createProjectRow } from "@/prisma/factories/create-project";
import { teamWithRoles, outcome } from "../teams/helpers";
import { ingestStorageForThisFile } from "./ingest-storage";

ingestStorageForThisFile({ tmpPrefix: "studio-asset-actions-" });

async function exists(key: string) {
  return s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key })).then(() => true, () => false);
}

/** An asset whose original (and small thumbnail) really are in S3, content-addressed like ingest stores them. */
async function storedAsset(teamId: string, projectId: string, body: Buffer, extra: { sourceAssetId?: string; generationId?: string; outputIndex?: number } = {}) {
  const sha256 = createHash("sha256").update(body).digest("hex");
  const storageKey = originalKey({ teamId, sha256, format: "png" });
  const thumbSmallKey = thumbnailKey({ teamId, sha256, width: 256 });
  await putObjectOnce({ key: storageKey, body, contentType: "image/png" });
  await putObjectOnce({ key: thumbSmallKey, body, contentType: "image/webp" });
  return db.asset.create({
    data: { id: createId("asset"), teamId, projectId, storageKey, thumbSmallKey, width: 64, height: 48, bytes: body.length, format: "png", sha256, prompt: "a fox", ...extra },
  });
}

const png = (hue: number, width = 64, height = 48) => sharp({ create: { width, height, channels: 3, background: { r: hue, g: 40, b: 90 } } }).png().toBuffer();

describe("asset actions", () => {
  let world: Awaited<ReturnType<typeof teamWithRoles>>;
  let projectId: string;
  beforeAll(async () => {
    world = await teamWithRoles();
    projectId = (await createProjectRow({ teamId: world.team.id })).id;
  });
  const caller = (role: "owner" | "editor" | "viewer") => ({ kind: "user" as const, userId: world.people[role].id });

  it("checks every id of a bulk request: one foreign or unknown id refuses the whole set, viewers may not edit", async () => {
    const mine = await storedAsset(world.team.id, projectId, await png(1));
    const other = await teamWithRoles();
    const foreign = await storedAsset(other.team.id, (await createProjectRow({ teamId: other.team.id })).id, await png(2));
    const sameTeamOtherProject = await storedAsset(world.team.id, (await createProjectRow({ teamId: world.team.id })).id, await png(3));
    const ask = (ids: string[], role: "editor" | "viewer" = "editor") => getAssetsOrThrow({ caller: caller(role), assetIds: ids, permission: "asset.edit", projectId });
    expect(await outcome(ask([mine.id, foreign.id]))).toBe("not_found");
    expect(await outcome(ask([mine.id, "ast_nope"]))).toBe("not_found");
    expect(await outcome(ask([mine.id, sameTeamOtherProject.id]))).toBe("not_found");
    expect(await outcome(ask([mine.id], "viewer"))).toBe("forbidden");
    const { assets, access } = await ask([mine.id, mine.id]);
    expect(assets.map((a) => a.id)).toEqual([mine.id]);

    for (const input of [
      { action: "favourite", assetIds: [mine.id] },
      // An editor sends for review; deciding is an approver's (tests/db/review/review.test.ts).
      { action: "approval", assetIds: [mine.id], approvalStatus: "pending" },
      { action: "tag", assetIds: [mine.id], tags: ["hero", "blue"] },
      { action: "untag", assetIds: [mine.id], tags: ["blue"] },
      { action: "delete", assetIds: [mine.id] },
    ]) await bulkAssets({ access, assets, input: bulkAssetsInput.parse(input) });
    const after = await db.asset.findUniqueOrThrow({ where: { id: mine.id } });
    expect([after.favourite, after.approvalStatus, !!after.deletedAt]).toEqual([true, "pending", true]);
    expect((await assetTagNames([mine.id])).get(mine.id)).toEqual(["hero"]);
    await bulkAssets({ access, assets, input: bulkAssetsInput.parse({ action: "restore", assetIds: [mine.id] }) });
    expect((await db.asset.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).toBeNull();
    expect(bulkAssetsInput.safeParse({ action: "delete", assetIds: Array.from({ length: 501 }, (_, i) => `ast_${i}`) }).success).toBe(false);
  });

  it("a permanent delete removes the original and thumbnails unless another asset shares them; the purge takes trash older than 30 days", async () => {
    const access = await resolveTeamAccess({ caller: caller("editor"), teamId: world.team.id, permission: "asset.edit" });
    const sharedBytes = await png(10);
    const a = await storedAsset(world.team.id, projectId, sharedBytes);
    const twin = await storedAsset(world.team.id, projectId, sharedBytes); // same bytes → same keys
    const alone = await storedAsset(world.team.id, projectId, await png(11));
    // A live asset can't be purged straight away: it goes through the trash.
    expect(await outcome(bulkAssets({ access, assets: [alone], input: bulkAssetsInput.parse({ action: "purge", assetIds: [alone.id] }) }))).toBe("conflict");
    expect(await exists(alone.storageKey)).toBe(true);

    const old = new Date(Date.now() - 31 * 86_400_000);
    await db.asset.updateMany({ where: { id: { in: [a.id, alone.id] } }, data: { deletedAt: old } });
    await db.asset.update({ where: { id: twin.id }, data: { deletedAt: new Date(Date.now() - 29 * 86_400_000) } });
    await purgeOldTrash();
    expect((await db.asset.findMany({ where: { id: { in: [a.id, twin.id, alone.id] } } })).map((r) => r.id)).toEqual([twin.id]);
    expect([await exists(alone.storageKey), await exists(alone.thumbSmallKey!)]).toEqual([false, false]);
    // The twin still names the shared object.
    expect([await exists(a.storageKey), await exists(a.thumbSmallKey!)]).toEqual([true, true]);

    const [reloaded] = (await getAssetsOrThrow({ caller: caller("editor"), assetIds: [twin.id], permission: "asset.edit" })).assets;
    await bulkAssets({ access, assets: [reloaded!], input: bulkAssetsInput.parse({ action: "purge", assetIds: [twin.id] }) });
    expect(await exists(a.storageKey)).toBe(false);
  });

  it("converts to PNG, JPEG and WebP at a chosen size, never enlarging", async () => {
    const asset = await storedAsset(world.team.id, projectId, await png(20, 640, 360));
    for (const format of ["png", "jpeg", "webp"] as const) {
      const out = await convertAssetImage({ asset, format, size: 320 });
      const meta = await sharp(out.body).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([format, 320, 180]);
    }
    expect((await sharp((await convertAssetImage({ asset, format: "webp", size: 4000 })).body).metadata()).width).toBe(640);
  });

  it("shows the recipe and lineage: the source it was edited from, and what was made from it", async () => {
    const source = await storedAsset(world.team.id, projectId, await png(30));
    const generation = await db.generation.create({
      data: {
        id: createId("generation"), teamId: world.team.id, projectId, createdById: world.people.editor.id, model: "kling-v3", provider: "kling", mode: "edit",
        parameters: { prompt: "make it blue", negative_prompt: "blur", aspect_ratio: "1:1" }, prompt: "make it blue", aspectRatio: "1:1", resolution: "1k",
        numImages: 1, seed: 42, status: "succeeded", correlationId: createId("generation"), estimatedCostMicros: 28_000n, actualCostMicros: 28_000n, succeededAt: new Date(),
        sourceAssetId: source.id, inputs: { create: { id: createId("generationInput"), position: 0, assetId: source.id, storageKey: source.storageKey } },
      },
    });
    const edited = await storedAsset(world.team.id, projectId, await png(31), { sourceAssetId: source.id, generationId: generation.id, outputIndex: 0 });
    const detail = await getAssetDetail(edited);
    expect(detail.generation).toMatchObject({ prompt: "make it blue", negativePrompt: "blur", seed: 42, model: "kling-v3", provider: "kling", mode: "edit", cost: { actualMicros: 28_000 } });
    expect(detail.createdBy?.id).toBe(world.people.editor.id);
    expect(detail.generation?.references.map((r) => r.assetId)).toEqual([source.id]);
    expect(detail.lineage.sources.map((s) => s.id)).toEqual([source.id]);
    expect((await getAssetDetail(source)).lineage.derived.map((d) => d.id)).toEqual([edited.id]);
  });

  it("streams a ZIP of 500 originals whose entries match, with memory flat", async () => {
    const projectZ = (await createProjectRow({ teamId: world.team.id })).id;
    const assets = [];
    // 500 distinct originals of ~200 KB (incompressible), 100 MB in all: far more than the allowed memory growth.
    for (let i = 0; i < 500; i++) {
      const body = randomBytes(200_000);
      const sha256 = createHash("sha256").update(body).digest("hex");
      const storageKey = originalKey({ teamId: world.team.id, sha256, format: "png" });
      await putObjectOnce({ key: storageKey, body, contentType: "image/png" });
      assets.push({ id: createId("asset"), teamId: world.team.id, projectId: projectZ, storageKey, width: 1, height: 1, bytes: body.length, format: "png", sha256, crc: zlib.crc32(body) });
    }
    await db.asset.createMany({ data: assets.map(({ crc: _crc, ...a }) => a) });
    const rows = await db.asset.findMany({ where: { projectId: projectZ }, orderBy: { id: "asc" } });
    const file = path.join(os.tmpdir(), `zip-${randomBytes(4).toString("hex")}.zip`);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    await pipeline(Readable.fromWeb(zipAssets(rows) as import("node:stream/web").ReadableStream), fs.createWriteStream(file));
    clearInterval(timer);
    const entries = readCentralDirectory(fs.readFileSync(file));
    fs.rmSync(file);
    expect(entries.map((e) => e.name)).toEqual(rows.map((r) => `${r.id}.png`));
    const crcById = new Map(assets.map((a) => [a.id, a.crc]));
    expect(entries.every((e, i) => e.size === 200_000 && e.crc === crcById.get(rows[i]!.id))).toBe(true);
    expect(peak - before, `RSS grew ${Math.round((peak - before) / 1e6)} MB while zipping 100 MB`).toBeLessThan(60_000_000);
  }, 120_000);
});

/** Names, sizes and CRCs from a ZIP's central directory (no ZIP64: our test archive is small). */
function readCentralDirectory(zip: Buffer) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  const entries: { name: string; size: number; crc: number }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({ crc: zip.readUInt32LE(at + 16), size: zip.readUInt32LE(at + 24), name: zip.toString("utf8", at + 46, at + 46 + nameLength) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
