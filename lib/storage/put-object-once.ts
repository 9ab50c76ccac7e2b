import fs from "node:fs";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { signPayloadHash } from "@/lib/storage/sign-payload-hash";

// Keys are content-addressed, so an object that exists already holds exactly these bytes: a retried or concurrent
// ingest skips the upload instead of sending up to 50 MB again. Returns whether it uploaded. `body` is the bytes, or
// a file streamed from disk (with its length, which a streamed PutObject needs up front) so large ones are never
// held in memory. `sha256` (hex), when the caller hashed the bytes already, signs the upload over them: the store
// checks what arrived against it (see signPayloadHash).
export async function putObjectOnce(options: {
  key: string;
  body: Buffer | { file: string; bytes: number };
  contentType: string;
  sha256?: string;
}): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: options.key }));
    return false;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
  }
  const { body } = options;
  const fromFile = !Buffer.isBuffer(body);
  const put = new PutObjectCommand({
    Bucket: bucket(),
    Key: options.key,
    // Default 64 KB reads: as fast as 1 MB ones against s3rver (measured), and 8 concurrent uploads hold 16× less.
    Body: fromFile ? fs.createReadStream(body.file) : body,
    ContentType: options.contentType,
    ContentLength: fromFile ? body.bytes : body.length,
    // Content-addressed objects never change, so caches may keep them for good.
    CacheControl: "private, max-age=31536000, immutable",
  });
  if (options.sha256) signPayloadHash(put, options.sha256);
  await s3().send(put);
  return true;
}
