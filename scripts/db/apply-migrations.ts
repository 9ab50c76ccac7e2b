import { ensureDatabase } from "./ensure-database";
import { readMigrationsList } from "./migrations-list";
import { DEFAULT_MIGRATIONS_DIR } from "./paths";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";

/**
 * Creates the database if needed and applies every migration not yet recorded in `_prisma_migrations`
 * (the table `prisma migrate deploy` uses, so the two are interchangeable). Idempotent: a second call
 * applies nothing. Each migration.sql runs as one script, in one implicit transaction. Like `migrate deploy`,
 * it throws on a failing migration and then refuses to go on until that row is resolved, and it ignores
 * edits to already-applied migrations.
 */
export async function applyMigrations(options: {
  databaseUrl: string;
  migrationsDir?: string;
}): Promise<{ applied: string[] }> {
  const { databaseUrl, migrationsDir = DEFAULT_MIGRATIONS_DIR } = options;
  await ensureDatabase(databaseUrl);
  const migrationsList = await readMigrationsList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) return { applied: [] };
  return withSchemaEngine({ databaseUrl }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { applied: appliedMigrationNames };
  });
}
