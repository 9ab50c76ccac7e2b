import type { IncomingHttpHeaders } from "node:http";
import { guardedStream, type GuardedFetchOptions } from "@/lib/outbound/guarded-stream";

// guardedStream read into one Buffer, for small downloads whose bytes are needed whole (reference images, capped at
// 10 MB). Large ones (provider outputs) should stream instead: see lib/storage/stage-download.ts.

export type GuardedResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer; url: string };

export async function guardedFetch(input: string, options: GuardedFetchOptions = {}): Promise<GuardedResponse> {
  const { status, headers, body: stream, declaredLength, url } = await guardedStream(input, options);
  // With a declared length the bytes land in one preallocated buffer: no chunk list, no concat copy. The stream is
  // already capped at that length, so the copy below never overruns.
  const whole = declaredLength === undefined ? undefined : Buffer.allocUnsafe(declaredLength);
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (whole) chunk.copy(whole, received);
    else chunks.push(chunk);
    received += chunk.length;
  }
  return { status, headers, body: whole ?? Buffer.concat(chunks, received), url };
}
