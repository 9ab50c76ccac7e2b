import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { SchemaFile } from "./schema-engine";

/** The schema as the engine wants it: one file, or every *.prisma under a folder (multi-file schemas). */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  const resolved = path.resolve(schemaPath);
  if (!(await stat(resolved)).isDirectory()) return [{ path: resolved, content: await readFile(resolved, "utf8") }];
  const names = (await readdir(resolved, { recursive: true })).filter((name) => name.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (name) => ({ path: path.join(resolved, name), content: await readFile(path.join(resolved, name), "utf8") })),
  );
}
