import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { checkInputImage, INPUT_IMAGE_RULES } from "@/lib/kling/input-image";
import { uploadKey } from "@/lib/storage/object-keys";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";

export const MAX_ELEMENT_UPLOAD_BYTES = INPUT_IMAGE_RULES.maxBytes;

/**
 * Keeps one uploaded element image in the team's upload space (content-addressed, so the key names the bytes and a
 * re-upload is free). The type is sniffed from the bytes, never taken from the browser, and the image must meet the
 * providers' input rules, because every provider reads an element's images as reference inputs.
 */
export async function storeElementUpload(options: { access: TeamAccess; bytes: Buffer; field?: string }) {
  const field = options.field ?? "file";
  const { bytes } = options;
  if (bytes.length > MAX_ELEMENT_UPLOAD_BYTES) {
    throw new AppError("payload_too_large", "The image is larger than 10 MB.", { fields: { [field]: "The image is larger than 10 MB." } });
  }
  const meta = await sharp(bytes).metadata().catch(() => null);
  const format = meta?.format === "jpeg" || meta?.format === "png" ? meta.format : null;
  if (!format || !meta?.width || !meta.height) {
    throw new AppError("unsupported_media_type", "Only JPEG and PNG images can be used.", { fields: { [field]: "Only JPEG and PNG images can be used." } });
  }
  const errors = checkInputImage({ format, bytes: bytes.length, width: meta.width, height: meta.height });
  if (errors) {
    const message = Object.values(errors)[0]!;
    throw new AppError("validation_failed", message, { fields: { [field]: message } });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = uploadKey({ teamId: options.access.teamId, sha256, format: format === "jpeg" ? "jpg" : "png" });
  await putObjectOnce({ key, body: bytes, contentType: `image/${format}`, sha256 });
  return { uploadKey: key, width: meta.width, height: meta.height };
}
