// npm run db:migrate:create -- <name> - write prisma/migrations/<timestamp>_<name>/ for the changes in
// prisma/schema.prisma since the last migration (replayed in a throwaway shadow database on DATABASE_URL's server).
import path from "node:path";
import { createMigration } from "./create-migration";
import { databaseUrlFromEnv } from "./database-url";
import { REPO_ROOT } from "./paths";

const name = process.argv.slice(2).join(" ").trim();
if (!name) {
  console.error("usage: npm run db:migrate:create -- <name>");
  process.exit(2);
}
try {
  const created = await createMigration({ name, databaseUrl: databaseUrlFromEnv() });
  if (!created.file) {
    console.log("No changes: prisma/schema.prisma matches the migrations. Nothing created.");
  } else {
    console.log(`Created ${path.relative(REPO_ROOT, created.file)}`);
    // The engine's diff carries no data-loss warnings (unlike `prisma migrate dev`): flag the obvious ones.
    if (/\bDROP (COLUMN|TABLE|TYPE)\b|\bALTER COLUMN\b.*\bTYPE\b/.test(created.sql ?? "")) {
      console.warn("Review it before applying: it drops or retypes something, which can lose data.");
    }
    console.log("Apply it with: npm run db:migrate");
  }
} catch (error) {
  console.error(`Creating the migration failed:\n${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
