import { createHash } from "node:crypto";
import sharp from "sharp";
import { DeleteObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { checkInputImage } from "@/lib/kling/input-image";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { readAssetObject } from "@/lib/assets/read-asset-object";
import { makeThumbnails } from "@/lib/images/make-thumbnails";
import { THUMB_WIDTHS } from "@/lib/images/thumb-widths";
import { originalKey, thumbnailKey } from "@/lib/storage/object-keys";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { withDecodeSlot } from "@/lib/images/with-decode-slot";
import { pendingUploadKey, UPLOAD_MAX_BYTES } from "@/lib/uploads/upload-rules";

const refused = (reason: string) => new AppError("validation_failed", "The uploaded image can't be used as a reference.", { fields: { file: reason } });

/**
 * Turns an uploaded reference (createReferenceUpload) into an asset of the project, after checking what actually
 * arrived: the size from storage, then the bytes themselves against the providers' input rules (format sniffed by
 * sharp, not the declared type; dimensions; aspect). Only then is it stored content-addressed with thumbnails like
 * any other image, and the incoming object is removed either way. The asset has no generation (its recipe columns
 * stay empty) and can be named as a reference by id like any gallery image.
 */
export async function completeReferenceUpload(options: { access: TeamAccess; projectId: string; uploadId: string }) {
  const { access, projectId } = options;
  if (!/^upl_[0-9A-Z]{26}$/.test(options.uploadId)) throw new AppError("not_found", "Upload not found.");
  const key = pendingUploadKey({ teamId: access.teamId, uploadId: options.uploadId });
  let size: number;
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    size = head.ContentLength ?? 0;
  } catch {
    throw new AppError("not_found", "Upload not found: send the file to the upload URL first.");
  }
  try {
    if (size < 1 || size > UPLOAD_MAX_BYTES) throw refused(`The file must be between 1 byte and ${UPLOAD_MAX_BYTES / 1_000_000} MB (it is ${size} bytes).`);
    const body = Buffer.from(await new Response(await readAssetObject(key)).arrayBuffer());
    if (body.length > UPLOAD_MAX_BYTES) throw refused(`The file is larger than ${UPLOAD_MAX_BYTES / 1_000_000} MB.`);
    const meta = await sharp(body).metadata().catch(() => null);
    if (!meta?.format || !meta.width || !meta.height) throw refused("The file is not an image we can read.");
    const errors = checkInputImage({ format: meta.format, bytes: body.length, width: meta.width, height: meta.height });
    if (errors) throw refused(Object.values(errors)[0]!);
    const format = meta.format === "jpeg" ? "jpeg" : "png";
    const sha256 = createHash("sha256").update(body).digest("hex");
    const thumbs = await withDecodeSlot(() => makeThumbnails({ input: body, limitInputPixels: meta.width! * meta.height! }));
    const keys = {
      storageKey: originalKey({ teamId: access.teamId, sha256, format }),
      thumbSmallKey: thumbnailKey({ teamId: access.teamId, sha256, width: THUMB_WIDTHS.small }),
      thumbLargeKey: thumbnailKey({ teamId: access.teamId, sha256, width: THUMB_WIDTHS.large }),
    };
    await Promise.all([
      putObjectOnce({ key: keys.storageKey, body, contentType: `image/${format}`, sha256 }),
      putObjectOnce({ key: keys.thumbSmallKey, body: thumbs.small.data, contentType: "image/webp" }),
      putObjectOnce({ key: keys.thumbLargeKey, body: thumbs.large.data, contentType: "image/webp" }),
    ]);
    const asset = await db.asset.create({
      data: {
        id: createId("asset"),
        teamId: access.teamId,
        projectId,
        createdById: access.actorUserId,
        ...keys,
        width: meta.width,
        height: meta.height,
        bytes: body.length,
        format,
        sha256,
        thumbhash: thumbs.thumbhash,
      },
    });
    return { assetId: asset.id, width: asset.width, height: asset.height, thumbUrl: `/api/v1/assets/${asset.id}/image?size=small` };
  } finally {
    await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key })).catch(() => undefined);
  }
}
