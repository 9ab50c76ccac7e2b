import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { diffDatabaseToSchema } from "@/scripts/db/diff-database-to-schema";
import { dropDatabase } from "@/scripts/db/ensure-database";
import { applyMigrations } from "@/scripts/db/apply-migrations";
import { createMigration } from "@/scripts/db/create-migration";
import { withDatabaseName } from "@/scripts/db/pg-config";
import { diffFromEmpty } from "./helpers/diff-from-empty";
import { tempProject } from "./helpers/temp-project";

// The run's database, already migrated from prisma/migrations by the db tier's global setup.
const runDatabaseUrl = inject("databaseUrl");

// Scratch databases on the same server, dropped at the end.
const scratch: string[] = [];
function scratchDatabaseUrl(): string {
  const url = withDatabaseName(runDatabaseUrl, `studio_migtest_${randomBytes(4).toString("hex")}`);
  scratch.push(url);
  return url;
}
afterAll(async () => {
  await Promise.all(scratch.map((url) => dropDatabase(url)));
});

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("prisma/migrations", () => {
  it("produce exactly prisma/schema.prisma: the migrated database diffs empty against it", async () => {
    expect(await diffDatabaseToSchema({ databaseUrl: runDatabaseUrl })).toBe("");
  });

  it("are recorded in _prisma_migrations like `prisma migrate deploy` does, and reapplying is a no-op", async () => {
    const migrations = (await readdir(path.resolve(import.meta.dirname, "../../prisma/migrations"), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const rows = await query<{ migration_name: string }>(
      runDatabaseUrl,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations);
    expect(await applyMigrations({ databaseUrl: runDatabaseUrl })).toEqual({ applied: [] });
  });
});

describe("createMigration", () => {
  it("writes the whole schema as <timestamp>_init on the first run, in Prisma's folder format", async () => {
    const project = await tempProject({ withMigrations: false });
    try {
      const created = await createMigration({
        name: "init",
        databaseUrl: runDatabaseUrl,
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
      });
      expect(created.migrationName).toMatch(/^\d{14}_init$/);
      expect(await readdir(project.migrationsDir)).toEqual([created.migrationName, "migration_lock.toml"].sort());
      const sql = await readFile(path.join(project.migrationsDir, created.migrationName!, "migration.sql"), "utf8");
      expect(sql).toBe(await diffFromEmpty({ databaseUrl: runDatabaseUrl, schemaPath: project.schemaPath }));
      expect(await readFile(path.join(project.migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    } finally {
      await project.cleanup();
    }
  });

  it("creates nothing when the schema already matches the migrations", async () => {
    const project = await tempProject({ withMigrations: true });
    try {
      const before = await readdir(project.migrationsDir);
      const created = await createMigration({
        name: "nothing",
        databaseUrl: runDatabaseUrl,
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
      });
      expect(created).toEqual({ migrationName: null, sql: null, file: null });
      expect(await readdir(project.migrationsDir)).toEqual(before);
    } finally {
      await project.cleanup();
    }
  });

  it("turns a new field into an ADD COLUMN migration that applies once", async () => {
    const project = await tempProject({ withMigrations: true });
    try {
      const existing = (await readdir(project.migrationsDir)).filter((name) => name !== "migration_lock.toml");
      // The ";" inside the default checks that scripts reach PostgreSQL whole, not split on semicolons.
      const model = await project.addFieldToFirstModel('migrationProbe String @default("a;b")');
      // The drift check is not vacuous: the run's database now lacks the column.
      expect(await diffDatabaseToSchema({ databaseUrl: runDatabaseUrl, schemaPath: project.schemaPath })).toMatch(
        /ADD COLUMN\s+"migrationProbe"/,
      );

      const created = await createMigration({
        name: "add migrationProbe",
        databaseUrl: runDatabaseUrl,
        schemaPath: project.schemaPath,
        migrationsDir: project.migrationsDir,
      });
      expect(created.migrationName).toMatch(/^\d{14}_add_migration_probe$/);
      expect(created.migrationName! > existing.sort().at(-1)!).toBe(true);
      expect(created.sql).toMatch(new RegExp(`ALTER TABLE "${model}" ADD COLUMN\\s+"migrationProbe" TEXT NOT NULL DEFAULT 'a;b'`));

      const databaseUrl = scratchDatabaseUrl();
      const first = await applyMigrations({ databaseUrl, migrationsDir: project.migrationsDir });
      expect(first.applied).toEqual([...existing, created.migrationName]);
      const countRows = () => query<{ n: number }>(databaseUrl, "SELECT count(*)::int AS n FROM _prisma_migrations");
      const [before] = await countRows();

      expect(await applyMigrations({ databaseUrl, migrationsDir: project.migrationsDir })).toEqual({ applied: [] });
      expect(await countRows()).toEqual([before]);

      const columns = await query(
        databaseUrl,
        "SELECT column_default FROM information_schema.columns WHERE table_name = $1 AND column_name = 'migrationProbe'",
        [model],
      );
      expect(columns).toEqual([{ column_default: "'a;b'::text" }]);
      expect(await diffDatabaseToSchema({ databaseUrl, schemaPath: project.schemaPath })).toBe("");
    } finally {
      await project.cleanup();
    }
  });
});
