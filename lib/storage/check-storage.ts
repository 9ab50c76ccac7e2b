import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { bucket, s3 } from "@/lib/storage/s3-client";

export async function checkStorage(): Promise<{ ok: boolean; error?: string }> {
  try {
    await s3().send(new HeadBucketCommand({ Bucket: bucket() }), { abortSignal: AbortSignal.timeout(3000) });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.name : "unreachable" };
  }
}
