import type { PutObjectCommand } from "@aws-sdk/client-s3";

/**
 * Signs a PutObject over a sha256 (hex) of its body that the caller already computed, by setting SigV4's
 * x-amz-content-sha256 header before the signer runs (the signer uses a header it finds instead of hashing).
 *
 * Two reasons. Integrity: without it a streamed body goes as UNSIGNED-PAYLOAD, and a Buffer body is hashed again
 * here; with it S3 (and MinIO, R2, any SigV4 store) hashes what it received and refuses the write
 * (XAmzContentSHA256Mismatch) if a byte changed between our download and its disk, so a content-addressed key can
 * never hold other bytes. Cost: the SDK would otherwise hash a Buffer body in full before sending a byte (~20 ms of
 * CPU per 32 MB); ingest has that hash already from the download.
 */
export function signPayloadHash(command: PutObjectCommand, sha256Hex: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) throw new Error("signPayloadHash needs a hex sha256");
  command.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers["x-amz-content-sha256"] = sha256Hex;
      return next(args);
    },
    { step: "build", name: "signPayloadHash" },
  );
}
