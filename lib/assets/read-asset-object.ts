import { GetObjectCommand } from "@aws-sdk/client-s3";
import { AppError } from "@/lib/errors";
import { bucket, s3 } from "@/lib/storage/s3-client";

/** An object of our bucket as a web stream, read as it is consumed; a missing object is a 404 the caller can show. */
export async function readAssetObject(key: string): Promise<ReadableStream<Uint8Array>> {
  try {
    const res = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    if (!res.Body) throw new AppError("not_found", "The image file is missing from storage.");
    return res.Body.transformToWebStream() as ReadableStream<Uint8Array>;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === "NoSuchKey" || name === "NotFound") throw new AppError("not_found", "The image file is missing from storage.");
    throw error;
  }
}
