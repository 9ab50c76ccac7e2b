import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { bucket, s3 } from "@/lib/storage/s3-client";

// Images reach browsers only through these short-lived URLs; the bucket itself stays private.
export const PRESIGN_TTL_SECONDS = 15 * 60;

export function presignGet(key: string, options: { downloadName?: string } = {}) {
  const command = new GetObjectCommand({
    Bucket: bucket(),
    Key: key,
    ResponseContentDisposition: options.downloadName ? `attachment; filename="${options.downloadName}"` : undefined,
  });
  return getSignedUrl(s3(), command, { expiresIn: PRESIGN_TTL_SECONDS });
}
