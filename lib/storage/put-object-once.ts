import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { bucket, s3 } from "@/lib/storage/s3-client";

// Keys are content-addressed, so an object that exists already holds exactly these bytes: a retried or concurrent
// ingest skips the upload instead of sending up to 50 MB again. Returns whether it uploaded.
export async function putObjectOnce(options: { key: string; body: Buffer; contentType: string }): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: options.key }));
    return false;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
  }
  await s3().send(
    new PutObjectCommand({
      Bucket: bucket(),
      Key: options.key,
      Body: options.body,
      ContentType: options.contentType,
      ContentLength: options.body.length,
      // Content-addressed objects never change, so caches may keep them for good.
      CacheControl: "private, max-age=31536000, immutable",
    }),
  );
  return true;
}
