import { CreateBucketCommand, HeadBucketCommand } from "@aws-sdk/client-s3";
import { bucket, s3 } from "@/lib/storage/s3-client";

/** Creates the bucket when it is missing (first run against embedded storage or a fresh MinIO). */
export async function ensureBucket() {
  try {
    await s3().send(new HeadBucketCommand({ Bucket: bucket() }));
  } catch {
    await s3().send(new CreateBucketCommand({ Bucket: bucket() }));
  }
}
