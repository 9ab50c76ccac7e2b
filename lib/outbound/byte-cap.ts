import { Transform } from "node:stream";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";

/**
 * Passes bytes through until more than `maxBytes` arrive, then fails with too_large, so a download is cut off at the
 * cap whether or not the server declared a length. With `expectedBytes` (a declared Content-Length) an early end is
 * a network failure: the file is incomplete, and nothing downstream may take it for a whole one.
 */
export function byteCap(options: { maxBytes: number; expectedBytes?: number }): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > options.maxBytes) {
        return callback(new GuardedFetchError("too_large", `the file is larger than the limit of ${options.maxBytes} bytes`));
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (options.expectedBytes !== undefined && received !== options.expectedBytes) {
        return callback(new GuardedFetchError("network", "the connection closed before the whole file arrived"));
      }
      callback();
    },
  });
}
