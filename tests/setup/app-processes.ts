import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port";

const root = path.resolve(import.meta.dirname, "../..");

const next = path.join(root, "node_modules/next/dist/bin/next");

/**
 * Starts the worker and the web app, and waits for /api/health. By default the app is a production build
 * (`next build` + `npm start`'s scripts/server.ts, as self-hosters run it): dev mode compiles each route on first use and answers
 * 10× slower, which turns load tests into compile tests. TEST_NEXT_MODE=dev skips the build while iterating.
 */
export async function startAppProcesses(options: { env: Record<string, string>; port: number; mode?: "dev" | "start" }) {
  const mode = options.mode ?? "start";
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const spawnNode = (args: string[], env: Record<string, string> = options.env) => {
    const child = spawn(process.execPath, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (d) => output.push(String(d)));
    child.stderr?.on("data", (d) => output.push(String(d)));
    children.push(child);
    return child;
  };
  const workers: ChildProcess[] = [];
  const alive = (c: ChildProcess) => c.exitCode === null && !c.signalCode;
  const startWorker = () => workers.push(spawnNode(["--import", "tsx", "--import", "./scripts/server-only-outside-next.mjs", "scripts/worker.ts"]));
  startWorker();
  const startWeb = (port: number, env: Record<string, string> = options.env) =>
    mode === "start"
      ? // What `npm start` runs: the custom server (webhook fast path + Next's handler), not bare `next start`.
        spawnNode(["--import", "tsx", "--import", "./scripts/server-only-outside-next.mjs", "scripts/server.ts", "--port", String(port)], env)
      : spawnNode([next, "dev", "--port", String(port)], env);
  if (mode === "start") await build(options.env);
  startWeb(options.port);
  const appUrl = `http://127.0.0.1:${options.port}`;
  await waitForHealth(appUrl, 180_000, output);
  return {
    appUrl,
    output,
    /** Kills every worker (SIGKILL: no graceful shutdown, as in a crash). */
    async killWorker(signal: NodeJS.Signals = "SIGKILL") {
      await Promise.all(
        workers.filter(alive).map((w) => {
          const exited = new Promise((r) => w.once("exit", r));
          w.kill(signal);
          return exited;
        }),
      );
    },
    /** Another worker process on the same database, as a second machine would run. */
    addWorker() {
      startWorker();
    },
    /**
     * Another web process on the same database and build, as a second machine behind a load balancer would run
     * (production build only: two `next dev` servers would share one dist dir). Providers are told to deliver its
     * generations' webhooks to it, so deliveries reach both web processes.
     */
    async addWeb(): Promise<string> {
      if (mode !== "start") throw new Error("a second web process needs the production build (unset TEST_NEXT_MODE)");
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      startWeb(port, { ...options.env, WEBHOOK_BASE_URL: url });
      await waitForHealth(url, 120_000, output);
      return url;
    },
    /** Starts a worker when none is running (after a crash). */
    startWorker() {
      if (!workers.some(alive)) startWorker();
    },
    async stop() {
      await Promise.all(
        children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode ? r(null) : (c.once("exit", r), c.kill("SIGTERM"))))),
      );
    },
  };
}

async function build(env: Record<string, string>) {
  const output: string[] = [];
  const child = spawn(process.execPath, [next, "build"], { cwd: root, env: { ...env, NODE_ENV: "production" } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => output.push(String(d)));
  child.stderr.on("data", (d) => output.push(String(d)));
  const code = await new Promise((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`next build failed:\n${output.join("").slice(-4000)}`);
}

async function waitForHealth(appUrl: string, timeoutMs: number, output: string[]) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
      const body = (await res.json()) as { components?: { worker?: { status: string } } };
      if (res.ok && body.components?.worker?.status === "up") return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the studio did not become healthy in ${timeoutMs / 1000}s:\n${output.join("").slice(-4000)}`);
}
