// npm run db:migrate - apply pending prisma/migrations to DATABASE_URL (creating the database if needed).
import { applyMigrations } from "./apply-migrations";
import { databaseUrlFromEnv } from "./database-url";
import { redactUrl } from "./pg-config";

const databaseUrl = databaseUrlFromEnv();
try {
  const { applied } = await applyMigrations({ databaseUrl });
  if (applied.length === 0) console.log(`${redactUrl(databaseUrl)}: up to date, no migration applied.`);
  else console.log(`${redactUrl(databaseUrl)}: applied ${applied.length}:\n${applied.map((n) => `  ${n}`).join("\n")}`);
} catch (error) {
  console.error(`Applying migrations to ${redactUrl(databaseUrl)} failed:\n${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
