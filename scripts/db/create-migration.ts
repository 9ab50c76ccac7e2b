import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureDatabase } from "./ensure-database";
import { LOCKFILE_CONTENT, readMigrationsList, writeLockfile } from "./migrations-list";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./paths";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";
import { readSchemaFiles } from "./schema-files";

export interface CreatedMigration {
  /** Folder name (`<YYYYMMDDHHMMSS>_<name>`), or null when the schema already matches the migrations. */
  migrationName: string | null;
  sql: string | null;
  /** Absolute path of the written migration.sql. */
  file: string | null;
}

/** Like the Prisma CLI's `slugify(name, { separator: "_" })`: "addUser field" → "add_user_field". */
export function slugifyMigrationName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

// Folders apply in name order, so a new one must sort after every existing one even when two are created
// within the same second or a clock runs behind.
function nextTimestamp(now: Date, existing: string[]): string {
  const latest = existing.map((name) => name.slice(0, 14)).filter((prefix) => /^\d{14}$/.test(prefix)).sort().at(-1);
  const candidate = timestamp(now);
  if (!latest || candidate > latest) return candidate;
  const iso = latest.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, "$1-$2-$3T$4:$5:$6Z");
  return timestamp(new Date(Date.parse(iso) + 1000));
}

/**
 * Writes `<migrationsDir>/<timestamp>_<name>/migration.sql` holding what it takes to go from the state the
 * existing migrations produce to `schemaPath`, in the CLI's folder format. The existing migrations are replayed
 * into a throwaway shadow database on the server of `databaseUrl` (which must be reachable; it is created if
 * missing but never modified), so hand-edited migrations are accounted for. Writes nothing when there is no change.
 */
export async function createMigration(options: {
  name: string;
  databaseUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
  now?: Date;
}): Promise<CreatedMigration> {
  const { databaseUrl, schemaPath = DEFAULT_SCHEMA_PATH, migrationsDir = DEFAULT_MIGRATIONS_DIR } = options;
  const slug = slugifyMigrationName(options.name);
  if (!slug) throw new Error(`Migration name "${options.name}" has no letters or digits`);

  const files = await readSchemaFiles(schemaPath);
  const migrationsList = await readMigrationsList(migrationsDir);
  // The engine reads the provider from the lockfile to know how to replay the folder; the first run has none yet.
  migrationsList.lockfile.content ??= LOCKFILE_CONTENT;

  await ensureDatabase(databaseUrl);
  const result = await withSchemaEngine({ databaseUrl, schemaFiles: files }, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true, // 0 = no difference, 2 = there is one
      filters: NO_FILTERS,
    }),
  );
  if (result.exitCode === 0 || !result.stdout) return { migrationName: null, sql: null, file: null };

  const existing = migrationsList.migrationDirectories.map((dir) => dir.path);
  const migrationName = `${nextTimestamp(options.now ?? new Date(), existing)}_${slug}`;
  const dir = path.join(migrationsList.baseDir, migrationName);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "migration.sql");
  await writeFile(file, result.stdout, { encoding: "utf8", flag: "wx" });
  await writeLockfile(migrationsList.baseDir);
  return { migrationName, sql: result.stdout, file };
}
