// The process that copies for the copy-to-S3 benchmark, driven over IPC so the bench process can sample its RSS from
// outside (/proc) while it works. Commands:
//   { cmd: "copy", n }    n concurrent copies: lib/storage/guarded-fetch (the loopback file server is an allowed host
//                         via OUTBOUND_ALLOWED_HOSTS, as a MinIO or the simulator would be) → putObjectOnce, new key each
//   { cmd: "load" }       read the same bytes from disk and keep them (for direct puts)
//   { cmd: "direct", n }  n concurrent direct PutObjectCommand calls of the kept bytes, new key each
//   { cmd: "gc" }         full GC (run with --expose-gc), so every RSS baseline starts from the same floor
// Each answers { ms, fetchMs, putMs (per operation), totalMs, bytes }.
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { guardedFetch } from "@/lib/storage/guarded-fetch";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { bucket, s3 } from "@/lib/storage/s3-client";

const url = process.env.BENCH_FILE_URL!;
const file = process.env.BENCH_FILE!;
let kept: Buffer | null = null;

type Done = { bytes: number; fetchMs: number; putMs: number };

async function copy(): Promise<Done> {
  const t0 = performance.now();
  const { body } = await guardedFetch(url);
  const t1 = performance.now();
  await putObjectOnce({ key: `bench/copy/${randomUUID()}.png`, body, contentType: "image/png" });
  return { bytes: body.length, fetchMs: t1 - t0, putMs: performance.now() - t1 };
}

async function direct(): Promise<Done> {
  const body = kept!;
  const t0 = performance.now();
  await s3().send(
    new PutObjectCommand({ Bucket: bucket(), Key: `bench/direct/${randomUUID()}.png`, Body: body, ContentType: "image/png", ContentLength: body.length }),
  );
  return { bytes: body.length, fetchMs: 0, putMs: performance.now() - t0 };
}

async function timed(n: number, fn: () => Promise<Done>) {
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: n }, async () => {
      const s = performance.now();
      const done = await fn();
      return { ...done, ms: performance.now() - s };
    }),
  );
  return {
    ms: results.map((r) => r.ms),
    fetchMs: results.map((r) => r.fetchMs),
    putMs: results.map((r) => r.putMs),
    totalMs: performance.now() - t0,
    bytes: results.reduce((s, r) => s + r.bytes, 0),
  };
}

process.on("message", (message: { cmd: string; n?: number }) => {
  void (async () => {
    try {
      if (message.cmd === "copy") process.send!(await timed(message.n ?? 1, copy));
      else if (message.cmd === "direct") process.send!(await timed(message.n ?? 1, direct));
      else if (message.cmd === "load") {
        kept = await fs.readFile(file);
        process.send!({ ms: [], totalMs: 0, bytes: kept.length });
      } else if (message.cmd === "gc") {
        (globalThis as { gc?: () => void }).gc?.();
        process.send!({ ms: [], totalMs: 0, bytes: 0 });
      }
    } catch (error) {
      process.send!({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  })();
});
console.log(`BENCH_READY ${JSON.stringify({ pid: process.pid })}`);
