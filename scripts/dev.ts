// `npm run dev` - the whole studio on one machine: database, storage and provider simulator (each embedded unless
// configured), migrations, demo data on first run, the job worker and Next's dev server on http://localhost:3000.
import "dotenv/config";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { parseEnv } from "@/lib/env";
import { startStack, type Stack } from "@/scripts/stack/start-stack";
import { prepareApp } from "@/scripts/prepare-app";
import { devAuthSecret } from "@/scripts/dev-secret";
import { describeStartupError } from "@/scripts/stack/startup-error";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
const log = (line: string) => console.info(`[studio] ${line}`);

// A crashed worker comes back after 1 s, then 2, 4, … up to 30 s while it keeps crashing; a run of a minute resets it.
const RESTART_BASE_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const HEALTHY_RUN_MS = 60_000;
// Shutdown waits this long for the app processes to finish their work, then kills what is left.
const STOP_GRACE_MS = 10_000;

let stack: Stack | null = null;
let starting: Promise<Stack> | null = null;
const children = new Set<ChildProcess>();
let stopping = false;

async function main() {
  // pg-boss 12 and Prisma's CLI need Node 22.12+, and the AWS SDK drops Node 20 in January 2027. `npm install` brings
  // Node 22 (the node-<platform> optional dependency) and npm scripts run it, so this only shows when the studio is
  // started some other way, or on a platform that package does not cover.
  if (Number(process.versions.node.split(".")[0]) < 22) {
    throw new Error(
      `Node ${process.versions.node} is too old: the studio needs Node 22.12 or newer. Start it with \`npm run dev\` after \`npm install\` (which brings Node 22 on Linux x64/arm64, Intel macOS and Windows x64), or install Node 22`,
    );
  }
  process.env.AUTH_SECRET ||= await devAuthSecret(path.join(root, ".data"));
  // Refuse bad configuration before starting anything; an unset DATABASE_URL is fine (the embedded one fills it).
  parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://embedded@127.0.0.1/placeholder" });
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  starting = startStack({
    dataDir: path.join(root, ".data"),
    ports: {
      postgres: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      s3: Number(process.env.EMBEDDED_S3_PORT ?? 4569),
      simulator: Number(process.env.SIMULATOR_PORT ?? 4010),
    },
    databaseName: "asset_studio",
    given: { APP_URL: `http://localhost:${port}`, ...process.env },
    log,
  });
  stack = await starting;
  if (stopping) return;
  Object.assign(process.env, stack.env);
  await prepareApp({ databaseUrl: stack.env.DATABASE_URL!, seed: true, log });
  if (stopping) return;

  // `--import tsx` keeps the worker one process, so signals reach it directly (the tsx CLI would wrap it).
  runWorker(stack.env, RESTART_BASE_MS);
  const next = spawnNode("next", [path.join(root, "node_modules/next/dist/bin/next"), "dev", "--port", port], stack.env);
  next.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[studio] next exited (${signal ?? code}); stopping`);
    void shutdown(1);
  });
  log(`studio starting on http://localhost:${port}`);
}

function spawnNode(name: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: "inherit" });
  children.add(child);
  child.once("exit", () => children.delete(child));
  child.once("error", (error) => console.error(`[studio] ${name}: ${error.message}`));
  return child;
}

// The worker holds no state of its own (jobs live in PostgreSQL), so a crash costs nothing but the restart: the
// studio keeps serving, and jobs the dead worker held are picked up again when their pg-boss lease expires.
function runWorker(env: Record<string, string>, delayMs: number) {
  const startedAt = Date.now();
  const worker = spawnNode("worker", ["--import", "tsx", "--import", "./scripts/server-only-outside-next.mjs", "scripts/worker.ts"], env);
  worker.once("exit", (code, signal) => {
    if (stopping) return;
    const next = Date.now() - startedAt >= HEALTHY_RUN_MS ? RESTART_BASE_MS : delayMs;
    console.error(`[studio] worker exited (${signal ?? code}); restarting in ${next / 1000}s`);
    const timer = setTimeout(() => {
      if (!stopping) runWorker(env, Math.min(next * 2, RESTART_MAX_MS));
    }, next);
    restartTimers.add(timer);
    timer.unref();
  });
}
const restartTimers = new Set<NodeJS.Timeout>();

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const timer of restartTimers) clearTimeout(timer);
  // A child that already exited (by a signal too: its 'exit' has been emitted) is not waited for.
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = Promise.all(running.map((c) => new Promise((r) => c.once("exit", r))));
  for (const c of running) c.kill("SIGTERM");
  const kill = setTimeout(() => running.forEach((c) => c.kill("SIGKILL")), STOP_GRACE_MS);
  await exited;
  clearTimeout(kill);
  // Stopped while the stack was still coming up: let it finish (or fail) so nothing it started is left running.
  if (!stack && starting) stack = await Promise.race([starting.catch(() => null), sleep(60_000).then(() => null)]);
  await stack?.stop().catch((error) => console.error(`[studio] stopping the stack: ${describeStartupError(error)}`));
  process.exit(code);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

main().catch((error) => {
  // One plain line naming the cause and the fix (StartupError, ConfigError), never a stack trace.
  console.error(describeStartupError(error));
  if (stopping) return;
  stopping = true;
  void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
});
