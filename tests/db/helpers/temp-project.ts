import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "@/scripts/db/paths";

// A scratch copy of prisma/schema.prisma (+ optionally prisma/migrations) that a test may edit freely.
export async function tempProject(options: { withMigrations: boolean }) {
  const dir = await mkdtemp(path.join(tmpdir(), "studio-migrations-"));
  const schemaPath = path.join(dir, "schema.prisma");
  const migrationsDir = path.join(dir, "migrations");
  await cp(DEFAULT_SCHEMA_PATH, schemaPath);
  if (options.withMigrations) await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  return {
    schemaPath,
    migrationsDir,
    /** Adds `line` as the first field of the first model; returns that model's name. */
    async addFieldToFirstModel(line: string): Promise<string> {
      const schema = await readFile(schemaPath, "utf8");
      const match = /^model (\w+) \{\n/m.exec(schema);
      if (!match) throw new Error("schema has no model");
      const at = match.index + match[0].length;
      await writeFile(schemaPath, `${schema.slice(0, at)}  ${line}\n${schema.slice(at)}`);
      return match[1]!;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
