import type { BenchStack } from "./support/bench-stack";
import { noisePng, WIDTH, HEIGHT, SIGMA } from "./support/noise-png";
import { cpuMs } from "./support/cpu-usage";
import { spawnTs, type Child } from "./support/processes";
import { rssMb, sampleRss } from "./support/rss-sampler";
import type { BenchLog, BenchResult } from "./support/result";
import { median, round, sleep, sig4 } from "./support/stats";

// 3. Copy to S3: a 4992×3328 noisy PNG served over loopback HTTP, copied into the bucket the way ingest copies it
// (lib/outbound/download-to-file: guarded stream → temp file with sha256 on the way, then putObjectOnce from the file to
// its key), versus a bare download-then-put of the same bytes from the same server into the same S3 (plain fetch into
// memory, PutObject; no guard, no hash, no file) — a copy includes a download, so that is its baseline — and, as a
// second reference, a direct PutObject of the same bytes already in memory. Throughput from alternating single
// copies, bare download-then-puts and direct puts; memory from 8 copies at once, and from 8 whole ingests at once (storeOutputImage: the copy
// plus header checks, thumbnails and their puts — all of ingestOutput but its database rows), with the copying
// process's RSS sampled every 10 ms from outside. CPU: user + system time of the copier, s3rver and the file server.

const ROUNDS = 5;
const CONCURRENT = 8;

type Timing = { ms: number[]; fetchMs: number[]; putMs: number[]; totalMs: number; bytes: number; cpuMs: number; error?: string };

export async function benchCopyToS3(stack: BenchStack, log: BenchLog): Promise<BenchResult> {
  const started = Date.now();
  const image = await noisePng();
  log(`copy: ${WIDTH}×${HEIGHT} PNG of ${(image.bytes / 1e6).toFixed(1)} MB`);
  const server = spawnTs("file server", "tests/bench/support/file-server.ts", { ...stack.env, BENCH_FILE: image.file });
  let copier: Child | undefined;
  try {
    const { url } = await server.ready<{ url: string }>();
    copier = spawnTs(
      "copier",
      "tests/bench/support/copy-worker.ts",
      { ...stack.env, BENCH_FILE_URL: url, BENCH_FILE: image.file, BENCH_WIDTH: String(WIDTH), BENCH_HEIGHT: String(HEIGHT), OUTBOUND_ALLOWED_HOSTS: new URL(url).host },
      { ipc: true, nodeArgs: ["--expose-gc"] },
    );
    const { pid } = await copier.ready<{ pid: number }>();
    const run = async (cmd: string, n = 1) => {
      copier!.send({ cmd, n });
      const answer = await copier!.nextMessage<Timing>();
      if (answer.error) throw new Error(`copier ${cmd}: ${answer.error}`);
      return answer;
    };
    const settle = async () => {
      await run("gc");
      await sleep(300);
      return rssMb(pid);
    };

    await run("copy"); // warm-up: loads the SDK, opens the client
    const copyBase = await settle();
    let sampler = sampleRss(pid);
    const copies = await run("copy", CONCURRENT);
    const copyPeak = sampler.stop();

    await run("ingest"); // warm-up: loads sharp
    const ingestBase = await settle();
    sampler = sampleRss(pid);
    const ingests = await run("ingest", CONCURRENT);
    const ingestPeak = sampler.stop();
    const single = await run("ingest");

    await run("bare"); // warm-up for the bare path
    await run("load");
    await run("direct"); // warm-up for the direct path
    const directBase = await settle();
    sampler = sampleRss(pid);
    const directs = await run("direct", CONCURRENT);
    const directPeak = sampler.stop();

    const copyRates: number[] = [];
    const bareRates: number[] = [];
    const bareFetchMs: number[] = [];
    const barePutMs: number[] = [];
    const directRates: number[] = [];
    const fetchMs: number[] = [];
    const copyPutMs: number[] = [];
    const pids = [pid, stack.pids.storage, server.process.pid!];
    const copyCpu: number[] = [];
    const bareCpu: number[] = [];
    const directCpu: number[] = [];
    const copierCpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let cpu0 = cpuMs(pids);
      const c = await run("copy");
      copyCpu.push(cpuMs(pids) - cpu0);
      copierCpu.push(c.cpuMs);
      copyRates.push(c.bytes / 1e6 / (c.totalMs / 1000));
      fetchMs.push(c.fetchMs[0]!);
      copyPutMs.push(c.putMs[0]!);
      cpu0 = cpuMs(pids);
      const b = await run("bare");
      bareCpu.push(cpuMs(pids) - cpu0);
      bareRates.push(b.bytes / 1e6 / (b.totalMs / 1000));
      bareFetchMs.push(b.fetchMs[0]!);
      barePutMs.push(b.putMs[0]!);
      cpu0 = cpuMs(pids);
      const d = await run("direct");
      directCpu.push(cpuMs(pids) - cpu0);
      directRates.push(d.bytes / 1e6 / (d.totalMs / 1000));
    }
    const copyRate = median(copyRates);
    const bareRate = median(bareRates);
    const directRate = median(directRates);
    const ratio = copyRate / bareRate;
    const directRatio = copyRate / directRate;
    const growth = copyPeak.peakMb - copyBase;
    const kernelGrowth = copyPeak.kernelPeakMb === null ? null : copyPeak.kernelPeakMb - copyBase;
    const directGrowth = directPeak.peakMb - directBase;
    const ingestGrowth = ingestPeak.peakMb - ingestBase;
    log(`copy: ${round(copyRate)} MB/s vs bare download-then-put ${round(bareRate)} MB/s, direct ${round(directRate)} MB/s; 8× RSS growth ${round(growth)} MB; 8 ingests ${round(ingestGrowth)} MB`);
    return {
      id: "copy-to-s3",
      title: "3. Copy a 4K PNG to S3 (guarded stream → temp file → put vs bare download-then-put, and vs direct put)",
      rows: [
        { metric: "copy throughput (single, median)", value: round(copyRate), unit: "MB/s", baseline: { label: "bare download-then-put of the same bytes (no guard, hash or file)", value: round(bareRate) }, ratio: sig4(ratio), goal: "≥ 0.8×", met: ratio >= 0.8 },
        { metric: "copy throughput vs a direct put (second reference)", value: round(copyRate), unit: "MB/s", baseline: { label: "direct put of the same bytes already in memory", value: round(directRate) }, ratio: sig4(directRatio) },
        { metric: `peak RSS growth, ${CONCURRENT} copies at once`, value: round(growth), unit: "MB", baseline: { label: `${CONCURRENT} direct puts of bytes already held`, value: round(directGrowth) }, goal: "< 100 MB", met: growth < 100 },
        { metric: `peak RSS growth, ${CONCURRENT} whole ingests at once (copy + checks + thumbnails)`, value: round(ingestGrowth), unit: "MB", baseline: { label: `${CONCURRENT} direct puts of bytes already held`, value: round(directGrowth) }, goal: "< 100 MB", met: ingestGrowth < 100 },
        { metric: `${CONCURRENT} copies at once, wall time`, value: round(copies.totalMs), unit: "ms", baseline: { label: `${CONCURRENT} direct puts`, value: round(directs.totalMs) }, ratio: sig4(copies.totalMs / directs.totalMs) },
      ],
      notes: [
        `${(image.bytes / 1e6).toFixed(1)} MB PNG (${WIDTH}×${HEIGHT}, gradient + Gaussian noise σ${SIGMA}) from a loopback HTTP server in another process to s3rver; ${ROUNDS} alternating rounds.`,
        `single copy, median: guarded download streamed to a temp file (sha256 on the way) ${round(median(fetchMs))} ms, putObjectOnce from the file (HEAD + PUT) ${round(median(copyPutMs))} ms.`,
        `bare download-then-put, median: plain fetch into memory ${round(median(bareFetchMs))} ms, PutObject ${round(median(barePutMs))} ms.`,
        `CPU per single operation, median (copier + s3rver + file server): copy ${round(median(copyCpu))} ms (copier alone ${round(median(copierCpu))} ms), bare download-then-put ${round(median(bareCpu))} ms, direct put ${round(median(directCpu))} ms.`,
        `whole ingest: 1 at a time ${round(single.totalMs)} ms (${round(single.cpuMs)} ms CPU in the copier); ${CONCURRENT} at once ${round(ingests.totalMs)} ms wall, ${round(ingests.cpuMs)} ms CPU in the copier; decodes limited to the decode slots (os.availableParallelism()).`,
        `RSS sampled every 10 ms from /proc (${copyPeak.samples} samples); baseline ${round(copyBase)} MB after GC; kernel high-water mark ${kernelGrowth === null ? "unavailable" : `${round(kernelGrowth)} MB above baseline`}.`,
      ],
      details: {
        imageBytes: image.bytes,
        copyMBps: copyRates.map(round),
        copyFetchMs: fetchMs.map(round),
        copyPutMs: copyPutMs.map(round),
        bareMBps: bareRates.map(round),
        bareFetchMs: bareFetchMs.map(round),
        barePutMs: barePutMs.map(round),
        bareCpuMs: bareCpu.map(round),
        directMBps: directRates.map(round),
        copyCpuMs: copyCpu.map(round),
        directCpuMs: directCpu.map(round),
        ingestMs: ingests.ms.map(round),
        rssIngest: { baseMb: round(ingestBase), peakMb: round(ingestPeak.peakMb), kernelPeakMb: ingestPeak.kernelPeakMb === null ? null : round(ingestPeak.kernelPeakMb), samples: ingestPeak.samples },
        rss: { copyBaseMb: round(copyBase), copyPeakMb: round(copyPeak.peakMb), copyKernelPeakMb: copyPeak.kernelPeakMb === null ? null : round(copyPeak.kernelPeakMb), directBaseMb: round(directBase), directPeakMb: round(directPeak.peakMb), samples: copyPeak.samples },
        concurrentCopyMs: copies.ms.map(round),
        concurrentDirectMs: directs.ms.map(round),
      },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await copier?.stop();
    await server.stop();
  }
}
