import { S3Client } from "@aws-sdk/client-s3";
import { env } from "@/lib/env";

// One client for every store we support: AWS S3 (no S3_ENDPOINT), R2, MinIO and the embedded s3rver.
let client: S3Client | undefined;

export function s3(): S3Client {
  const e = env();
  client ??= new S3Client({
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    credentials: { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY },
    // Non-AWS stores reject the SDK's default CRC32 checksum headers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return client;
}

export function bucket(): string {
  return env().S3_BUCKET;
}
