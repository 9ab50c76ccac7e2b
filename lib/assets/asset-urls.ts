import { PRESIGN_TTL_SECONDS, presignGet } from "@/lib/storage/presign-get";

// Images reach browsers only through these short-lived presigned URLs; the bucket stays private and the database
// keeps keys, never URLs. `expiresAt` tells the client when to re-fetch the DTO instead of showing broken images.

export type AssetKeys = {
  id: string;
  format: string;
  storageKey: string;
  thumbSmallKey: string | null;
  thumbLargeKey: string | null;
};

export type AssetUrls = {
  original: string;
  /** Same object as `original`, served as an attachment named after the asset. */
  download: string;
  /** Fall back to the original when a thumbnail is missing, so a gallery tile is never empty. */
  thumbSmall: string;
  thumbLarge: string;
  expiresAt: string;
};

const EXTENSIONS: Record<string, string> = { jpeg: "jpg" };

export async function assetUrls(asset: AssetKeys): Promise<AssetUrls> {
  // Signed a little before the URLs are, so the stated expiry is never later than the real one.
  const expiresAt = new Date(Date.now() + PRESIGN_TTL_SECONDS * 1000).toISOString();
  const downloadName = `${asset.id}.${EXTENSIONS[asset.format] ?? asset.format}`;
  const [original, download, thumbSmall, thumbLarge] = await Promise.all([
    presignGet(asset.storageKey),
    presignGet(asset.storageKey, { downloadName }),
    presignGet(asset.thumbSmallKey ?? asset.storageKey),
    presignGet(asset.thumbLargeKey ?? asset.storageKey),
  ]);
  return { original, download, thumbSmall, thumbLarge, expiresAt };
}
