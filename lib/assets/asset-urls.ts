import { presignWindowed, signingWindow } from "@/lib/assets/presign-windowed";

// Images reach browsers only through presigned URLs; the bucket stays private and the database keeps keys, never URLs.
// The URLs are stable within a signing window (lib/assets/presign-windowed.ts) so browsers cache them; `expiresAt`
// says when they stop working. A page that stays open longer uses `routes`: authenticated paths that always redirect
// to the current window's URL, so an <img> pointed at them never breaks.

export type AssetKeys = {
  id: string;
  format: string;
  storageKey: string;
  thumbSmallKey: string | null;
  thumbLargeKey: string | null;
};

export type ImageSize = "small" | "large" | "original";

export type AssetUrls = {
  original: string;
  /** Same object as `original`, served as an attachment named after the asset. */
  download: string;
  /** Fall back to the original when a thumbnail is missing, so a gallery tile is never empty. */
  thumbSmall: string;
  thumbLarge: string;
  expiresAt: string;
  /** Never expire: each answers with a 302 to the presigned URL of the current window. */
  routes: { original: string; thumbSmall: string; thumbLarge: string; download: string };
};

const EXTENSIONS: Record<string, string> = { jpeg: "jpg" };

export function downloadName(asset: { id: string; format: string }) {
  return `${asset.id}.${EXTENSIONS[asset.format] ?? asset.format}`;
}

export function imageKey(asset: AssetKeys, size: ImageSize): string {
  if (size === "small") return asset.thumbSmallKey ?? asset.storageKey;
  if (size === "large") return asset.thumbLargeKey ?? asset.storageKey;
  return asset.storageKey;
}

export function imageRoute(assetId: string, size: ImageSize) {
  return `/api/v1/assets/${encodeURIComponent(assetId)}/image?size=${size}`;
}

export async function assetUrls(asset: AssetKeys, now = Date.now()): Promise<AssetUrls> {
  const { expiresAt } = signingWindow(now);
  const [original, download, thumbSmall, thumbLarge] = await Promise.all([
    presignWindowed(asset.storageKey, { now }),
    presignWindowed(asset.storageKey, { downloadName: downloadName(asset), now }),
    presignWindowed(imageKey(asset, "small"), { now }),
    presignWindowed(imageKey(asset, "large"), { now }),
  ]);
  return {
    original,
    download,
    thumbSmall,
    thumbLarge,
    expiresAt: expiresAt.toISOString(),
    routes: {
      original: imageRoute(asset.id, "original"),
      thumbSmall: imageRoute(asset.id, "small"),
      thumbLarge: imageRoute(asset.id, "large"),
      download: `/api/v1/assets/${encodeURIComponent(asset.id)}/download`,
    },
  };
}
