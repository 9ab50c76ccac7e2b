import { db } from "@/lib/db";

export type BulkAssetImage = {
  storageKey: string;
  thumbSmallKey: string | null;
  thumbLargeKey: string | null;
  width: number;
  height: number;
  bytes: number;
  format: string;
  sha256: string;
  thumbhash: string | null;
};

export const BULK_MODELS = ["kling-v3", "kling-o3"] as const;
export const BULK_PROVIDERS = ["kling", "wavespeed", "fal"] as const;
export const BULK_ASPECT_RATIOS = ["1:1", "16:9", "9:16", "4:3"] as const;
export const BULK_RESOLUTIONS = ["1k", "2k"] as const;
export const BULK_PROMPTS = ["a lighthouse at dusk", "a red bicycle in the rain", "portrait of an astronaut", "a bowl of ramen, studio light", "mountain lake at sunrise"] as const;

/**
 * `count` gallery assets in one INSERT … SELECT generate_series (20,000 in well under a second), for benchmarks and
 * tests that need a big gallery without running generations. Row i is created `i * spacingMs` before `newest`, cycles
 * through `images` (content addressing lets thousands of assets share a handful of real S3 objects) and through the
 * BULK_* recipe values, so every gallery filter has matches. Returns nothing: read back what you need.
 */
export async function insertBulkAssets(options: {
  teamId: string;
  projectId: string;
  count: number;
  images: BulkAssetImage[];
  createdByIds?: (string | null)[];
  newest?: Date;
  spacingMs?: number;
  /** Distinguishes ids between calls on the same project. */
  batch?: string;
}) {
  const { teamId, projectId, count, images } = options;
  if (images.length === 0) throw new Error("insertBulkAssets needs at least one image");
  const creators = options.createdByIds?.length ? options.createdByIds : [null];
  const newest = (options.newest ?? new Date()).toISOString();
  const batch = (options.batch ?? Math.random().toString(36).slice(2, 8)).toUpperCase();
  await db.$executeRaw`
    WITH img AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(images)}::jsonb)
                   AS x("storageKey" text, "thumbSmallKey" text, "thumbLargeKey" text, width int, height int, bytes int, format text, sha256 text, thumbhash text)),
         imgs AS (SELECT row_number() OVER () - 1 AS n, img.* FROM img)
    INSERT INTO "Asset" ("id", "teamId", "projectId", "createdById", "storageKey", "thumbSmallKey", "thumbLargeKey", "width", "height", "bytes",
                         "format", "sha256", "thumbhash", "model", "provider", "aspectRatio", "resolution", "prompt", "createdAt", "updatedAt")
    SELECT 'ast_' || ${batch} || lpad(i::text, 10, '0'), ${teamId}, ${projectId},
           (${creators}::text[])[1 + i % ${creators.length}],
           imgs."storageKey", imgs."thumbSmallKey", imgs."thumbLargeKey", imgs.width, imgs.height, imgs.bytes, imgs.format, imgs.sha256, imgs.thumbhash,
           (${[...BULK_MODELS]}::text[])[1 + i % ${BULK_MODELS.length}],
           ((${[...BULK_PROVIDERS]}::text[])[1 + i % ${BULK_PROVIDERS.length}])::"Provider",
           (${[...BULK_ASPECT_RATIOS]}::text[])[1 + i % ${BULK_ASPECT_RATIOS.length}],
           (${[...BULK_RESOLUTIONS]}::text[])[1 + i % ${BULK_RESOLUTIONS.length}],
           (${[...BULK_PROMPTS]}::text[])[1 + i % ${BULK_PROMPTS.length}] || ' #' || i,
           ${newest}::timestamp - make_interval(secs => i * ${options.spacingMs ?? 1000} / 1000.0),
           ${newest}::timestamp
      FROM generate_series(0, ${count - 1}) AS i
      JOIN imgs ON imgs.n = i % ${images.length}`;
}
