import { beforeAll, describe, expect, it } from "vitest";

// lib/env.ts parses once, on first use: configure before anything reads it.
beforeAll(() => {
  Object.assign(process.env, {
    DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
    S3_ENDPOINT: "http://127.0.0.1:9",
    ASSET_URL_WINDOW_SECONDS: "600",
  });
});

const asset = { id: "ast_1", format: "png", storageKey: "teams/t/originals/ab/abc.png", thumbSmallKey: "teams/t/thumbs/ab/abc-w256.webp", thumbLargeKey: null };
const amz = (url: string) => Object.fromEntries([...new URL(url).searchParams].filter(([k]) => k.startsWith("X-Amz-")));

describe("windowed presigned URLs", () => {
  it("are identical for every render within a window, signed at its start and valid two windows", async () => {
    const { assetUrls } = await import("@/lib/assets/asset-urls");
    const start = Date.UTC(2026, 11, 7, 13, 0, 0);
    const first = await assetUrls(asset, start + 1_000);
    const later = await assetUrls(asset, start + 599_000);
    expect(later).toEqual(first);
    expect(amz(first.thumbSmall)).toMatchObject({ "X-Amz-Date": "20261207T130000Z", "X-Amz-Expires": "1200" });
    expect(first.expiresAt).toBe(new Date(start + 1_200_000).toISOString());
    expect(first.thumbLarge).toBe(first.original); // no large thumbnail: the original stands in
    expect(first.routes.thumbSmall).toBe("/api/v1/assets/ast_1/image?size=small");
  });

  it("move to a new signature in the next window", async () => {
    const { presignWindowed } = await import("@/lib/assets/presign-windowed");
    const start = Date.UTC(2026, 11, 7, 13, 0, 0);
    const a = await presignWindowed(asset.storageKey, { now: start + 599_999 });
    const b = await presignWindowed(asset.storageKey, { now: start + 600_000 });
    expect(b).not.toBe(a);
    expect(amz(b)["X-Amz-Date"]).toBe("20261207T131000Z");
    // A download URL is a different signature of the same object.
    expect(await presignWindowed(asset.storageKey, { now: start + 600_000, downloadName: "x.png" })).not.toBe(b);
  });
});
