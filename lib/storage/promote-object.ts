import { CopyObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { bucket, s3 } from "@/lib/storage/s3-client";

/**
 * Copies a staged object to its content-addressed key, inside the store (no bytes through us), unless that key
 * exists already: it then holds exactly these bytes, so a retried or concurrent ingest has nothing to do. Two runs
 * racing past the check both write the same bytes to the same key, which leaves one object. The content type is set
 * here because the staging upload starts before the bytes have said what they are. Returns whether it copied.
 */
export async function promoteObject(options: { from: string; to: string; contentType: string }): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: options.to }));
    return false;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
  }
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucket(),
      Key: options.to,
      CopySource: `${bucket()}/${encodeURIComponent(options.from).replace(/%2F/g, "/")}`,
      MetadataDirective: "REPLACE",
      ContentType: options.contentType,
      // Content-addressed objects never change, so caches may keep them for good.
      CacheControl: "private, max-age=31536000, immutable",
    }),
  );
  return true;
}
