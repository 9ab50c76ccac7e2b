import { NO_FILTERS, withSchemaEngine } from "@/scripts/db/schema-engine";
import { readSchemaFiles } from "@/scripts/db/schema-files";

// The whole schema as SQL, straight from the datamodel (no database involved in the diff itself), to check
// that a first migration is exactly "everything".
export async function diffFromEmpty(options: { databaseUrl: string; schemaPath: string }): Promise<string> {
  const files = await readSchemaFiles(options.schemaPath);
  const result = await withSchemaEngine({ databaseUrl: options.databaseUrl, schemaFiles: files }, (engine) =>
    engine.diff({ from: { tag: "empty" }, to: { tag: "schemaDatamodel", files }, script: true, exitCode: null, filters: NO_FILTERS }),
  );
  // From "empty" the engine also creates the `public` schema, which any real database (and the shadow
  // database the migrations are diffed in) already has.
  return (result.stdout ?? "").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
}
