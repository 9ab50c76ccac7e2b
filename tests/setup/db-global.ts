import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/scripts/db/apply-migrations";
import { ensureDatabase } from "@/scripts/db/ensure-database";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// db tier: a fresh, migrated PostgreSQL database for the whole run.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase({ tier: "db", port: 54339 });
  await ensureDatabase(database.url);
  await applyMigrations({ databaseUrl: database.url });
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
