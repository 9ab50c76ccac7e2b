import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startDatabase } from "@/scripts/stack/database";

// Each test run gets a brand-new database on DATABASE_URL's server when given, else on an embedded PostgreSQL
// kept under .data/ (initialised once, reused by later runs). The database is dropped at the end.
export async function createTestDatabase(options: { tier: string; port: number }) {
  const root = path.resolve(import.meta.dirname, "../..");
  const server = await startDatabase({
    url: process.env.DATABASE_URL || undefined,
    dataDir: path.join(root, ".data", `test-${options.tier}-postgres`),
    port: options.port,
    database: "postgres",
  });
  const name = `studio_${options.tier}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await server.stop();
    },
  };
}
