import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

// Helper processes print one `BENCH_READY {json}` line on stdout once they serve; everything else they print is kept
// (the last 200 lines) for error messages.
export const READY = "BENCH_READY ";

export type Child = {
  name: string;
  process: ChildProcess;
  output: string[];
  /** Resolves with the JSON of the first BENCH_READY line. */
  ready: <T>(timeoutMs?: number) => Promise<T>;
  /** The next IPC message from the child (spawned with `ipc: true`), in arrival order. */
  nextMessage: <T>(timeoutMs?: number) => Promise<T>;
  send: (message: unknown) => void;
  stop: (timeoutMs?: number) => Promise<void>;
};

export function spawnNode(name: string, args: string[], env: Record<string, string | undefined>, options: { ipc?: boolean } = {}): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const messages: unknown[] = [];
  const waiters: Array<(m: unknown) => void> = [];
  let readyValue: unknown;
  let readyResolve: ((v: unknown) => void) | undefined;
  const keep = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
  };
  let buffer = "";
  child.stdout?.on("data", (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith(READY)) {
        readyValue = JSON.parse(line.slice(READY.length));
        readyResolve?.(readyValue);
      } else keep(line);
    }
  });
  child.stderr?.on("data", (d: Buffer) => keep(d.toString().trimEnd()));
  child.on("message", (m) => {
    const w = waiters.shift();
    if (w) w(m);
    else messages.push(m);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const describe = () => `${name} (pid ${child.pid}) output:\n${output.slice(-40).join("\n")}`;
  return {
    name,
    process: child,
    output,
    ready<T>(timeoutMs = 60_000) {
      if (readyValue !== undefined) return Promise.resolve(readyValue as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} not ready in ${timeoutMs} ms; ${describe()}`)), timeoutMs);
        readyResolve = (v) => {
          clearTimeout(timer);
          resolve(v as T);
        };
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready; ${describe()}`));
        });
      });
    },
    nextMessage<T>(timeoutMs = 120_000) {
      if (messages.length) return Promise.resolve(messages.shift() as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not answer in ${timeoutMs} ms; ${describe()}`)), timeoutMs);
        waiters.push((m) => {
          clearTimeout(timer);
          resolve(m as T);
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${name} exited while we waited for an answer; ${describe()}`));
        });
      });
    },
    send(message) {
      child.send?.(message as never);
    },
    async stop(timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `node --import tsx <script>`: one process (the tsx CLI would wrap it in a second one), so signals and RSS are its own. */
export function spawnTs(name: string, script: string, env: Record<string, string | undefined>, options: { ipc?: boolean; nodeArgs?: string[] } = {}) {
  return spawnNode(name, [...(options.nodeArgs ?? []), "--import", "tsx", "--import", "./scripts/server-only-outside-next.mjs", script], env, options);
}
