import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startStack, type Stack } from "@/scripts/stack/start-stack";
import { prepareApp } from "@/scripts/prepare-app";
import { freePort } from "@/tests/setup/free-port";
import { ROOT, spawnTs, spawnNode, type Child } from "./processes";
import { BENCH_DIST_DIR, ensureProductionBuild, snapshotFiles, type BuildResult } from "./next-build";
import { profileNodeArgs } from "./cpu-profile";

// The whole studio for the benchmarks, brought up the way the integration tier does it (scripts/stack/start-stack.ts,
// tests/setup/app-processes.ts) but with the heavy neighbours in their own processes: PostgreSQL (DATABASE_URL's
// server when set, else embedded) with a fresh database, s3rver and the provider simulator each in a child process,
// the job worker, and the studio — `npm start`'s scripts/server.ts on a production build when one can be made, `next
// dev` otherwise.
// Everything listens on 127.0.0.1 on free ports, and everything is torn down (database dropped) at the end.

export type BenchStack = {
  env: Record<string, string>;
  appUrl: string;
  simulatorUrl: string;
  server: { mode: "production" | "dev"; note: string };
  worker: Child;
  next: Child;
  /** Helper processes by role, for CPU accounting. */
  pids: { simulator: number; storage: number };
  /** The simulator's control API. */
  sim: <T = unknown>(path: string, body?: unknown, method?: string) => Promise<T>;
  stop: () => Promise<void>;
};

// The variables the studio reads that must not leak in from the caller's shell: the benchmark only ever talks to
// loopback (its own S3, its own simulator), never to real providers or a configured bucket.
const DROP = /^(S3_|KLING_|WAVESPEED_|RUNWARE_|SEGMIND_|FAL_|SIMULATOR_|WEBHOOK_BASE_URL|SMTP_URL|AUTH_OIDC_|OUTBOUND_|NEXT_DIST_DIR|PORT$)/;

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const stoppers: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch((e: unknown) => console.error("[bench] teardown step failed:", e));
  };
  try {
    return await start(log, stoppers, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function start(log: (line: string) => void, stoppers: Array<() => Promise<unknown>>, stop: () => Promise<void>): Promise<BenchStack> {
  const runId = `${Date.now()}_${randomBytes(3).toString("hex")}`;
  const dataDir = path.join(ROOT, ".data", "bench");
  const s3Dir = path.join(dataDir, `s3-${runId}`);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROP.test(k)));

  // Last step of teardown: what each helper process printed, for when a figure needs explaining.
  const children: Child[] = [];
  stoppers.push(() => saveLogs(children));
  const simulator = spawnTs("simulator", "tests/bench/support/simulator-process.ts", base);
  children.push(simulator);
  stoppers.push(() => simulator.stop());
  const storage = spawnTs("s3rver", "tests/bench/support/storage-process.ts", { ...base, BENCH_S3_DIR: s3Dir });
  children.push(storage);
  stoppers.push(() => fs.rm(s3Dir, { recursive: true, force: true }));
  stoppers.push(() => storage.stop());
  const [{ url: simulatorUrl }, s3Env] = await Promise.all([simulator.ready<{ url: string }>(), storage.ready<Record<string, string>>()]);

  const databaseName = `studio_bench_${runId}`;
  const given: Record<string, string | undefined> = { ...base, ...s3Env, SIMULATOR_URL: simulatorUrl };
  if (given.DATABASE_URL) {
    const url = new URL(given.DATABASE_URL);
    url.pathname = `/${databaseName}`;
    given.DATABASE_URL = url.toString();
  }
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  Object.assign(given, {
    APP_URL: appUrl,
    // Production refuses to start without these; fixed values, this stack lives for one run on loopback.
    NODE_ENV: "production",
    AUTH_SECRET: `bench-auth-secret-${randomBytes(16).toString("hex")}`,
    CREDENTIALS_ENCRYPTION_KEYS: randomBytes(32).toString("base64"),
    // The default in-flight cap (wavespeed=10) would make the completion benchmark's arrivals bunch up behind 2 s
    // slot retries; the benchmark paces its own submissions instead.
    PROVIDER_CONCURRENCY: "kling=200,wavespeed=200,runware=200,segmind=200,fal=200",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });

  const stack: Stack = await startStack({
    dataDir,
    ports: { postgres: await freePort(), s3: 0, simulator: 0 },
    databaseName,
    given,
    log: (line) => log(line.replace(/\s+/g, " ")),
  });
  stoppers.push(() => stack.stop());
  const env = stack.env;
  // The bench process uses lib/ too (fixtures, in-process baselines): same configuration as the app.
  Object.assign(process.env, env);
  stoppers.push(() => dropDatabase(env.DATABASE_URL!, databaseName));
  // This process's own connections go before the drop; the drop would otherwise terminate them ("idle client error").
  stoppers.push(async () => Promise.all([(await import("@/lib/db")).disconnectDb(), (await import("@/lib/db-pool")).closePgPool()]));
  await prepareApp({ databaseUrl: env.DATABASE_URL!, seed: false, log });

  const build = await ensureProductionBuild({ env, log });
  if (build.mode === "production" && build.built) log(`production build made in ${build.seconds.toFixed(0)} s`);
  const server = serverMode(build);

  const worker = spawnTs("worker", "scripts/worker.ts", env, { nodeArgs: profileNodeArgs("worker") });
  children.push(worker);
  stoppers.push(() => worker.stop(25_000));
  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  let next: Child;
  if (server.mode === "production") {
    // What `npm start` runs: scripts/server.ts (the webhook fast path on node:http, everything else to Next).
    next = spawnNode("studio server", [...profileNodeArgs("next"), "--import", "tsx", "--import", "./scripts/server-only-outside-next.mjs", "scripts/server.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
      ...env,
      NEXT_DIST_DIR: BENCH_DIST_DIR,
    });
  } else {
    const restore = await snapshotFiles(["tsconfig.json", "next-env.d.ts"]);
    stoppers.push(restore);
    next = spawnNode("next dev", [nextBin, "dev", "--port", String(port), "--hostname", "127.0.0.1"], {
      ...env,
      NODE_ENV: "development",
      NEXT_DIST_DIR: `${BENCH_DIST_DIR}-dev`,
    });
  }
  children.push(next);
  stoppers.push(() => next.stop());
  await waitForHealth(appUrl, next, worker);

  const sim = async <T>(p: string, body?: unknown, method?: string): Promise<T> => {
    const res = await fetch(`${simulatorUrl}/_sim${p}`, {
      method: method ?? (body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator ${p}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  return { env, appUrl, simulatorUrl, server, worker, next, pids: { simulator: simulator.process.pid!, storage: storage.process.pid! }, sim, stop };
}

function serverMode(build: BuildResult): BenchStack["server"] {
  if (build.mode === "production") return { mode: "production", note: `scripts/server.ts (npm start) on a production build (${BENCH_DIST_DIR})` };
  return { mode: "dev", note: `next dev — the production build failed: ${build.reason.split("\n")[0]}` };
}

async function waitForHealth(appUrl: string, next: Child, worker: Child) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (next.process.exitCode !== null) throw new Error(`next exited:\n${next.output.slice(-30).join("\n")}`);
    if (worker.process.exitCode !== null) throw new Error(`worker exited:\n${worker.output.slice(-30).join("\n")}`);
    try {
      const res = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
      const body = (await res.json()) as { components?: { worker?: { status: string } } };
      if (res.ok && body.components?.worker?.status === "up") return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the studio did not become healthy:\n${next.output.slice(-30).join("\n")}\n${worker.output.slice(-30).join("\n")}`);
}

async function dropDatabase(url: string, name: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

async function saveLogs(children: Child[]) {
  const dir = path.join(ROOT, "test-results", "bench-logs");
  await fs.mkdir(dir, { recursive: true });
  for (const c of children) await fs.writeFile(path.join(dir, `${c.name.replace(/\W+/g, "-")}.log`), `${c.output.join("\n")}\n`);
}
