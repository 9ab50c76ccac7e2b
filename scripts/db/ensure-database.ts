import pg from "pg";
import { databaseNameFromUrl, poolConfigFromUrl, quoteIdent } from "./pg-config";

// CREATE/DROP DATABASE cannot run inside the target database, so both go through the `postgres`
// maintenance database on the same server.
async function withMaintenanceClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(databaseUrl, "postgres"));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `databaseUrl` if it does not exist. Returns true when it was created. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseNameFromUrl(databaseUrl);
  return withMaintenanceClient(databaseUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      // Two processes (dev server + worker) may race to create it; losing the race is fine. The loser sees
      // duplicate_database, or a unique violation on pg_database when both got past the check at once.
      const code = (error as { code?: string }).code;
      if (code !== "42P04" && code !== "23505") throw error;
      return false;
    }
    return true;
  });
}

/** Drops the database named in `databaseUrl`, disconnecting anyone still attached (PostgreSQL 13+). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameFromUrl(databaseUrl);
  await withMaintenanceClient(databaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}
