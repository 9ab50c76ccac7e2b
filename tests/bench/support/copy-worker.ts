// The process that copies for the copy-to-S3 benchmark, driven over IPC so the bench process can sample its RSS from
// outside (/proc) while it works. Every path calls the same lib functions ingest uses (no re-implementation):
//   { cmd: "copy", n }    n concurrent copies the way ingest copies an original: downloadToFile (guarded stream → temp
//                         file, sha256 on the way; the loopback file server is an allowed host via
//                         OUTBOUND_ALLOWED_HOSTS, as a MinIO or the simulator would be) → putObjectOnce from the file
//                         (a new key each time, so the upload is never skipped) → discard
//   { cmd: "ingest", n }  n concurrent storeOutputImage calls: everything ingestOutput does except its database rows
//                         (copy, header check while streaming, sharp's header check, thumbnails under the decode slot,
//                         thumbnail puts), with a new team id each, so no content-addressed write is skipped
//   { cmd: "bare", n }    n concurrent bare download-then-puts: a plain fetch of the same URL from the same server into
//                         memory, then PutObjectCommand of those bytes — no guard, no hash, no file (the baseline a
//                         copy is held to, since a copy includes a download)
//   { cmd: "load" }       read the same bytes from disk and keep them (for direct puts)
//   { cmd: "direct", n }  n concurrent direct PutObjectCommand calls of the kept bytes, new key each
//   { cmd: "gc" }         full GC (run with --expose-gc), so every RSS baseline starts from the same floor
// Each answers { ms, fetchMs, putMs (per operation), totalMs, bytes, cpuMs (this process, whole batch) }.
import fs from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { storeOutputImage } from "@/lib/assets/store-output-image";
import { downloadToFile } from "@/lib/outbound/download-to-file";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { bucket, s3 } from "@/lib/storage/s3-client";

const url = process.env.BENCH_FILE_URL!;
const file = process.env.BENCH_FILE!;
const width = Number(process.env.BENCH_WIDTH);
const height = Number(process.env.BENCH_HEIGHT);
let kept: Buffer | null = null;

type Done = { bytes: number; fetchMs: number; putMs: number };

async function copy(): Promise<Done> {
  const t0 = performance.now();
  const downloaded = await downloadToFile({ url });
  const t1 = performance.now();
  try {
    await putObjectOnce({ key: `bench/copy/${randomUUID()}.png`, body: { file: downloaded.file, bytes: downloaded.bytes }, contentType: "image/png", sha256: downloaded.sha256 });
  } finally {
    await downloaded.discard();
  }
  return { bytes: downloaded.bytes, fetchMs: t1 - t0, putMs: performance.now() - t1 };
}

async function ingest(): Promise<Done> {
  const t0 = performance.now();
  const stored = await storeOutputImage({
    url,
    teamId: `bench-${randomUUID()}`,
    expected: { format: "png", size: { width, height }, sizeLabel: "4k 3:2" },
  });
  if (!stored.ok) throw new Error(`refused: ${stored.reason}`);
  return { bytes: stored.image.bytes, fetchMs: performance.now() - t0, putMs: 0 };
}

async function bare(): Promise<Done> {
  const t0 = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`bare download: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const t1 = performance.now();
  await s3().send(
    new PutObjectCommand({ Bucket: bucket(), Key: `bench/bare/${randomUUID()}.png`, Body: body, ContentType: "image/png", ContentLength: body.length }),
  );
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: n }, async () => {
      const s = performance.now();
      const done = await fn();
      return { ...done, ms: performance.now() - s };
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    ms: results.map((r) => r.ms),
    fetchMs: results.map((r) => r.fetchMs),
    putMs: results.map((r) => r.putMs),
    totalMs: performance.now() - t0,
    bytes: results.reduce((s, r) => s + r.bytes, 0),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

process.on("message", (message: { cmd: string; n?: number }) => {
  void (async () => {
    try {
      if (message.cmd === "copy") process.send!(await timed(message.n ?? 1, copy));
      else if (message.cmd === "ingest") process.send!(await timed(message.n ?? 1, ingest));
      else if (message.cmd === "direct") process.send!(await timed(message.n ?? 1, direct));
      else if (message.cmd === "bare") process.send!(await timed(message.n ?? 1, bare));
      else if (message.cmd === "load") {
        kept = await fs.readFile(file);
        process.send!({ ms: [], totalMs: 0, bytes: kept.length });
      } else if (message.cmd === "unload") {
        kept = null;
        process.send!({ ms: [], totalMs: 0, bytes: 0 });
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
