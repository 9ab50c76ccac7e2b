import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "@/tests/setup/free-port";

const root = path.resolve(import.meta.dirname, "../../..");

// `npm run dev` as a developer runs it (on the stack's database server, bucket and simulator, its own database and
// port): a worker killed by a signal is restarted, and a SIGTERM stops everything in bounded time. It used to print
// "worker exited (SIGKILL); stopping" and then wait forever for an 'exit' event the dead worker had already emitted.
describe("npm run dev", () => {
  let dev: ChildProcess | null = null;
  let output = "";
  const database = new URL(inject("stackEnv").DATABASE_URL!);
  database.pathname = `/${database.pathname.slice(1)}_dev`;

  afterAll(async () => {
    if (dev && dev.exitCode === null && dev.signalCode === null) {
      for (const pid of descendants(dev.pid!)) tryKill(pid, "SIGKILL");
      tryKill(dev.pid!, "SIGKILL");
    }
    const admin = new URL(database);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database.pathname.slice(1)}" WITH (FORCE)`);
    await client.end();
  });

  it("restarts a crashed worker and stops completely on SIGTERM", async () => {
    const stackEnv = inject("stackEnv");
    const env: Record<string, string> = { ...stackEnv, DATABASE_URL: database.toString(), PORT: String(await freePort()), NEXT_DIST_DIR: ".next-test-dev" };
    delete env.NODE_ENV;
    dev = spawn("npm", ["run", "dev"], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    dev.stdout!.on("data", (d) => (output += String(d)));
    dev.stderr!.on("data", (d) => (output += String(d)));

    // The worker logs JSON lines (lib/observability/log.ts); its start line names its id.
    const workerIds = () => [...output.matchAll(/"workerId":"(wkr_\w+)"[^\n]*"worker started"/g)].map((m) => m[1]);
    await until(() => workerIds().length === 1, 300_000, "the first worker to start");
    const workers = descendants(dev.pid!).filter((pid) => cmdline(pid).includes("scripts/worker.ts"));
    expect(workers).toHaveLength(1);
    process.kill(workers[0]!, "SIGKILL");
    await until(() => /worker exited \(SIGKILL\); restarting in 1s/.test(output), 10_000, "the restart notice");
    await until(() => workerIds().length === 2, 60_000, "the restarted worker");
    expect(new Set(workerIds()).size).toBe(2);

    const tree = descendants(dev.pid!);
    // npm → sh → the tsx CLI → node running scripts/dev.ts: the last of them (descendants() lists parents first).
    const devScript = tree.filter((pid) => cmdline(pid).includes("scripts/dev.ts")).at(-1);
    expect(cmdline(devScript!)).toMatch(/preflight\.cjs .*scripts\/dev\.ts/);
    expect(devScript, "the node process running scripts/dev.ts").toBeDefined();
    const exited = new Promise((r) => dev!.once("exit", r));
    process.kill(devScript!, "SIGTERM");
    await until(() => dev!.exitCode !== null || dev!.signalCode !== null, 30_000, "npm run dev to exit");
    await exited;
    // Nothing it started is left: worker, next dev, and the dev script itself.
    await until(() => tree.every((pid) => !alive(pid)), 30_000, "every process of the dev tree to end", () =>
      tree.filter(alive).map((pid) => `${pid} ${cmdline(pid)}`).join("\n"),
    );
  }, 500_000);

  async function until(check: () => boolean, timeoutMs: number, what: string, detail = () => "") {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${detail()}\noutput:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
});

function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (parents.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

function cmdline(pid: number) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function alive(pid: number) {
  try {
    // A zombie (exited, not yet reaped by a parent that is itself gone) counts as ended.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function tryKill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
