import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { createId } from "@/lib/ids";
import { bucket, s3 } from "@/lib/storage/s3-client";
import type { CreateUploadInput } from "@/lib/uploads/upload-schemas";
import { pendingUploadKey, UPLOAD_EXPIRES_SECONDS, UPLOAD_MAX_BYTES } from "@/lib/uploads/upload-rules";

/**
 * A presigned POST for one reference image, so the browser sends the bytes straight to storage and never through the
 * app. The policy pins the key, the declared content type and a size range; the object lands under the team's
 * `incoming/` prefix and becomes usable only through completeReferenceUpload, which checks what actually arrived.
 * The caller has checked `generation.create` on the project.
 */
export async function createReferenceUpload(options: { teamId: string; input: CreateUploadInput }) {
  const uploadId = createId("upload");
  const key = pendingUploadKey({ teamId: options.teamId, uploadId });
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: bucket(),
    Key: key,
    Fields: { "Content-Type": options.input.contentType },
    Conditions: [
      ["eq", "$Content-Type", options.input.contentType],
      ["content-length-range", 1, Math.min(options.input.bytes, UPLOAD_MAX_BYTES)],
    ],
    Expires: UPLOAD_EXPIRES_SECONDS,
  });
  return { uploadId, url, fields, maxBytes: UPLOAD_MAX_BYTES, expiresInSeconds: UPLOAD_EXPIRES_SECONDS };
}
