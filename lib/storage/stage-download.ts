import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Transform, Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { guardedStream, type GuardedFetchOptions } from "@/lib/storage/guarded-stream";
import { bucket, s3 } from "@/lib/storage/s3-client";
import { StorageWriteError } from "@/lib/storage/storage-write-error";

export type StagedDownload = {
  sha256: string;
  bytes: number;
  /** A local copy of the bytes, for sharp: decoding from a file reads it in pieces instead of holding it whole. */
  file: string;
  stagingKey: string;
  /** Removes the local copy and the staging object; never throws (a leftover is garbage, not an error). */
  discard(): Promise<void>;
};

/**
 * Downloads `url` through the SSRF guard into the bucket under `stagingKey` and into a temp file at once, hashing
 * sha256 on the way, without ever holding the file in memory: the body streams, so 8 concurrent 32 MB downloads cost
 * a few MB of buffers, not 256 MB. The staging object is promoted to its content-addressed key by the caller once the
 * hash is known and the image checked (promoteObject); S3 has no rename, and the hash is only known at the end.
 *
 * With a declared Content-Length the upload runs alongside the download (PutObject with a streamed Body needs the
 * length up front). Without one the bytes go to the temp file first and are uploaded from it, which keeps memory
 * bounded without multipart uploads. `through` (e.g. a header check) sees the bytes before they are stored; its
 * error aborts the download and the upload.
 *
 * Throws GuardedFetchError for download failures, StorageWriteError when our storage fails, or whatever a `through`
 * stream failed with; nothing is left behind when it throws.
 */
export async function stageDownload(options: {
  url: string;
  stagingKey: string;
  through?: Transform[];
  fetch?: GuardedFetchOptions;
}): Promise<StagedDownload> {
  const file = path.join(os.tmpdir(), `asset-studio-${randomUUID()}`);
  const discard = async () => {
    await Promise.all([
      fs.promises.rm(file, { force: true }).catch(() => undefined),
      s3()
        .send(new DeleteObjectCommand({ Bucket: bucket(), Key: options.stagingKey }))
        .catch(() => undefined),
    ]);
  };
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    const response = await guardedStream(options.url, options.fetch);
    const toFile = fs.createWriteStream(file);
    const length = response.declaredLength;
    if (length === undefined) {
      await pipeline([response.body, ...(options.through ?? []), hashing(), toFile]);
      await upload(fs.createReadStream(file), bytes);
    } else {
      const toS3 = new PassThrough({ highWaterMark: 1024 * 1024 });
      const abort = new AbortController();
      const uploading = upload(toS3, length, abort.signal).catch((error: unknown) => {
        toS3.destroy(error as Error);
        throw error;
      });
      const downloading = pipeline([response.body, ...(options.through ?? []), hashing(), tee(toFile, toS3)]).catch((error: unknown) => {
        // PutObject pipes its Body without watching it for errors: only the signal stops the request.
        abort.abort();
        throw error;
      });
      const [down, up] = await Promise.allSettled([downloading, uploading]);
      // A download or check failure explains an aborted upload, not the other way round.
      if (down.status === "rejected" && !(down.reason instanceof StorageWriteError) && up.status === "rejected") throw down.reason;
      if (up.status === "rejected") throw up.reason;
      if (down.status === "rejected") throw down.reason;
    }
    return { sha256: hash.digest("hex"), bytes, file, stagingKey: options.stagingKey, discard };
  } catch (error) {
    await discard();
    throw error;
  }

  function hashing() {
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
  }

  async function upload(body: NodeJS.ReadableStream, contentLength: number, signal?: AbortSignal) {
    try {
      await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: options.stagingKey, Body: body as never, ContentLength: contentLength }), {
        abortSignal: signal,
      });
    } catch (error) {
      throw new StorageWriteError(error);
    }
  }
}

/** The last stage of the download pipeline: each chunk to both sinks, taking the next only when both have room. */
function tee(...sinks: Writable[]): Writable {
  // A sink's failure reaches the copy through once()/finished() below, and a failed copy destroys the sinks with its
  // error; these listeners only keep that error from also being an uncaught 'error' event.
  for (const sink of sinks) sink.on("error", () => undefined);
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const full = sinks.filter((sink) => !sink.write(chunk));
      // once() rejects on 'error', so a sink that fails (the upload) stops the copy instead of stalling it.
      Promise.all(full.map((sink) => once(sink, "drain"))).then(() => callback(), callback);
    },
    final(callback) {
      Promise.all(sinks.map((sink) => finished(sink.end(), { readable: false }))).then(() => callback(), callback);
    },
    destroy(error, callback) {
      // Also called after a normal finish (autoDestroy), when the upload may still be reading what the PassThrough
      // holds: only a failure may cut the sinks off.
      if (error) for (const sink of sinks) sink.destroy(error);
      callback(error);
    },
  });
}
