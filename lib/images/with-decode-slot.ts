import os from "node:os";

// Decoding a 4K PNG is CPU-bound (libvips runs it on libuv's pool) and holds the decoder's working memory while it
// runs (~30 MB for a 4992×3328 PNG, measured), so more decodes than cores only add memory, not speed. This
// process-wide limit keeps any number of concurrent ingests in a worker (the ingest job's concurrency, plus direct
// callers) to one decode per core; the rest wait their turn holding nothing but a temp file.
const SLOTS = Math.max(1, os.availableParallelism());

let running = 0;
const waiting: (() => void)[] = [];

export async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or give it back.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
