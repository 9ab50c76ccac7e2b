import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

const root = path.resolve(import.meta.dirname, "../..");

/** Starts the worker and Next's server exactly as `npm run dev` does, and waits for /api/health. */
export async function startAppProcesses(options: { env: Record<string, string>; port: number }) {
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const spawnNode = (args: string[]) => {
    const child = spawn(process.execPath, args, { cwd: root, env: options.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (d) => output.push(String(d)));
    child.stderr?.on("data", (d) => output.push(String(d)));
    children.push(child);
    return child;
  };
  const startWorker = () => spawnNode(["--import", "tsx", "scripts/worker.ts"]);
  const worker = { current: startWorker() };
  spawnNode([path.join(root, "node_modules/next/dist/bin/next"), "dev", "--port", String(options.port)]);
  const appUrl = `http://127.0.0.1:${options.port}`;
  await waitForHealth(appUrl, 180_000, output);
  return {
    appUrl,
    output,
    /** Kills the worker (e.g. with SIGKILL mid-job) and starts a new one, as a crash and restart would. */
    async restartWorker(signal: NodeJS.Signals = "SIGKILL") {
      worker.current.kill(signal);
      await new Promise((r) => worker.current.once("exit", r));
      worker.current = startWorker();
    },
    async stop() {
      await Promise.all(
        children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode ? r(null) : (c.once("exit", r), c.kill("SIGTERM"))))),
      );
    },
  };
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
