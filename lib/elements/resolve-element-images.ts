import { HeadObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { getAssetsOrThrow } from "@/lib/assets/get-assets-or-throw";
import { readAssetObject } from "@/lib/assets/read-asset-object";
import { bucket, s3 } from "@/lib/storage/s3-client";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { ElementImageInput } from "@/lib/elements/element-schemas";
import { storeElementUpload } from "@/lib/elements/store-element-upload";

const UPLOAD_KEY = /^teams\/([^/]+)\/uploads\/[0-9a-f]{2}\/[0-9a-f]{64}\.(jpg|png)$/;

/**
 * The storage keys of an element's images, each checked for the caller: an upload key must be one of this team's
 * uploads and exist; a picked asset must be in a project the caller can read (the same 404 as the asset routes).
 * A picked asset is copied into the team's upload space — as PNG when the gallery holds WebP, which no provider
 * takes as an input — so the element never depends on the asset staying out of the trash purge.
 */
export async function resolveElementImages(options: { access: TeamAccess; images: { field: string; image: ElementImageInput }[] }) {
  const { access } = options;
  const assetIds = options.images.flatMap(({ image }) => ("assetId" in image ? [image.assetId] : []));
  const assets = assetIds.length
    ? new Map((await getAssetsOrThrow({ caller: access.caller, assetIds, permission: "project.read" })).assets.map((a) => [a.id, a]))
    : new Map();
  const keys: string[] = [];
  for (const { field, image } of options.images) {
    if ("uploadKey" in image) {
      const match = UPLOAD_KEY.exec(image.uploadKey);
      if (!match || match[1] !== access.teamId || !(await exists(image.uploadKey))) {
        throw new AppError("validation_failed", "An image was not found.", { fields: { [field]: "Upload the image again." } });
      }
      keys.push(image.uploadKey);
      continue;
    }
    const asset = assets.get(image.assetId)!;
    if (asset.teamId !== access.teamId) throw new AppError("not_found", "Asset not found.");
    let bytes = Buffer.from(await new Response(await readAssetObject(asset.storageKey)).arrayBuffer());
    if (asset.format !== "png" && asset.format !== "jpeg") bytes = await sharp(bytes).png().toBuffer();
    keys.push((await storeElementUpload({ access, bytes, field })).uploadKey);
  }
  return keys;
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}
