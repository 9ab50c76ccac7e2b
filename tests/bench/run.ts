// `npm run bench` - the performance benchmarks (issue 4 item 7): submit overhead, webhook ingest, copy to S3 and
// completion to visible, each against a baseline measured in the same run. Brings up its own stack on loopback
// (tests/bench/support/bench-stack.ts), prints a table, writes test-results/bench.json, tears everything down.
// `npm run bench -- submit copy` runs a subset (ids: submit, completion, copy, ingest-latency, gallery, spend, share-unlock, webhook).
// Performance goals live here and in BENCHMARKS.md, never in timed tests.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startBenchStack, type BenchStack } from "./support/bench-stack";
import { ROOT } from "./support/processes";
import { PROFILE_DIR, summarizeProfiles } from "./support/cpu-profile";
import type { BenchResult } from "./support/result";
import { benchSubmitOverhead } from "./submit-overhead";
import { benchWebhookIngest } from "./webhook-ingest";
import { benchCopyToS3 } from "./copy-to-s3";
import { benchCompletionToVisible } from "./completion-to-visible";
import { benchIngestLatency } from "./ingest-latency";
import { benchGallery } from "./gallery";
import { benchSpend } from "./spend";
import { benchShareUnlock } from "./share-unlock";

// Webhooks last: the burst leaves hundreds of sync jobs that the worker drains for a minute afterwards.
const BENCHES: Record<string, (stack: BenchStack, log: (line: string) => void) => Promise<BenchResult>> = {
  submit: benchSubmitOverhead,
  completion: benchCompletionToVisible,
  copy: benchCopyToS3,
  "ingest-latency": benchIngestLatency,
  gallery: benchGallery,
  spend: benchSpend,
  "share-unlock": benchShareUnlock,
  webhook: benchWebhookIngest,
};

const log = (line: string) => console.info(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}`);
const t0 = performance.now();

async function main() {
  const selected = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = selected.filter((s) => !(s in BENCHES));
  if (unknown.length) throw new Error(`unknown benchmark(s) ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`);
  const names = selected.length ? selected : Object.keys(BENCHES);

  const loadBefore = os.loadavg();
  if (process.env.BENCH_CPU_PROFILE) await fs.rm(PROFILE_DIR, { recursive: true, force: true });
  const stack = await startBenchStack(log);
  log(`stack up: ${stack.server.note}; app ${stack.appUrl}`);
  // Ctrl-C still tears down: processes stopped, database dropped, S3 folder removed.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`[bench] ${signal}: tearing down`);
      void stack.stop().finally(() => process.exit(130));
    });
  }
  const results: BenchResult[] = [];
  const failures: string[] = [];
  try {
    for (const name of names) {
      log(`running ${name}`);
      try {
        results.push(await BENCHES[name]!(stack, log));
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        console.error(`[bench] ${name} failed:`, error);
      }
    }
  } finally {
    const { stopBoss } = await import("@/lib/jobs/boss");
    await stopBoss({ graceful: false, timeoutMs: 2_000 }).catch(() => undefined);
    await stack.stop();
  }
  const totalSeconds = (performance.now() - t0) / 1000;
  const report = {
    command: `npm run bench${selected.length ? ` -- ${selected.join(" ")}` : ""}`,
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    server: stack.server,
    // Other work on the machine skews every figure; a load average above the core count means the run was shared.
    loadAverage: { before: loadBefore.map((l) => Math.round(l * 10) / 10), after: os.loadavg().map((l) => Math.round(l * 10) / 10) },
    totalSeconds: Math.round(totalSeconds),
    results,
    failures,
  };
  await fs.mkdir(path.join(ROOT, "test-results"), { recursive: true });
  await fs.writeFile(path.join(ROOT, "test-results", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.info(`\n${table(results)}`);
  for (const r of results) for (const note of r.notes) console.info(`  [${r.id}] ${note}`);
  console.info(`\n${report.machine.cpus} cores, Node ${process.version}, ${stack.server.note}; ${report.totalSeconds} s in all. JSON: test-results/bench.json`);
  const busiest = Math.max(report.loadAverage.before[0]!, report.loadAverage.after[0]!);
  if (busiest > report.machine.cpus) {
    console.warn(`load average reached ${busiest} on ${report.machine.cpus} cores: other work shared the machine, so absolute figures are pessimistic (ratios less so).`);
  }
  if (process.env.BENCH_CPU_PROFILE) console.info(`\nCPU profiles (self time):\n${(await summarizeProfiles()).join("\n")}`);
  if (failures.length) {
    console.error(`\n${failures.length} benchmark(s) failed to run:\n${failures.join("\n")}`);
    process.exitCode = 1;
  }
}

function table(results: BenchResult[]): string {
  const header = ["benchmark", "metric", "figure", "baseline", "ratio", "goal", "met"];
  const rows = results.flatMap((r) =>
    r.rows.map((row, i) => [
      i === 0 ? r.title.split(" (")[0]! : "",
      row.metric,
      `${row.value} ${row.unit}`,
      row.baseline ? `${row.baseline.value} ${row.unit} (${row.baseline.label})` : "",
      row.ratio === undefined ? "" : `${row.ratio}×`,
      row.goal ?? "",
      row.met === undefined ? "" : row.met ? "yes" : "NO",
    ]),
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

main()
  .catch((error: unknown) => {
    console.error("[bench] could not run:", error);
    process.exitCode = 1;
  })
  .finally(() => {
    // Pools and timers of imported lib modules would keep the process alive after teardown.
    setTimeout(() => process.exit(), 500).unref();
  });
