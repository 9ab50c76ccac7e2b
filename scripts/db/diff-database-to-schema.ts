import path from "node:path";
import { DEFAULT_SCHEMA_PATH } from "./paths";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";
import { readSchemaFiles } from "./schema-files";

/**
 * The SQL that would bring the live database to `schemaPath`; "" when they already match. Catches
 * migrations that drifted from the schema (or a schema edit nobody made a migration for).
 */
export async function diffDatabaseToSchema(options: { databaseUrl: string; schemaPath?: string }): Promise<string> {
  const { databaseUrl, schemaPath = DEFAULT_SCHEMA_PATH } = options;
  const files = await readSchemaFiles(schemaPath);
  return withSchemaEngine({ databaseUrl, schemaFiles: files }, async (engine) => {
    // With a driver adapter, "schemaDatasource" means the database the engine is connected to
    // (the "url" target is rejected by the wasm engine).
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(files[0]?.path ?? schemaPath) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 0 ? "" : (result.stdout ?? "");
  });
}
