import { db } from "@/lib/db";

// Tables that change without anyone's request (worker heartbeats, rate-limit counters for the attempts themselves)
// and columns that reads legitimately touch (session refresh, an API key's last-used time).
const SKIPPED_TABLES = new Set(["_prisma_migrations", "WorkerHeartbeat", "RateLimitCounter"]);
const IGNORED_COLUMNS: Record<string, string[]> = {
  Session: ["expires", "updatedAt"],
  ApiKey: ["lastUsedAt", "updatedAt"],
};

/** Row count and content hash of every table in the public schema: equal fingerprints mean nothing was written. */
export async function dbFingerprint(): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts = tables
    .map((t) => t.table_name)
    .filter((name) => !SKIPPED_TABLES.has(name))
    .map((name) => {
      const ignored = IGNORED_COLUMNS[name] ?? [];
      const row = `(to_jsonb(x) - ARRAY[${ignored.map((c) => `'${c}'`).join(",")}]::text[])::text`;
      return `SELECT '${name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(md5(${row}), ',' ORDER BY md5(${row})), '')) AS print FROM "${name}" x`;
    });
  const rows = await db.$queryRawUnsafe<{ name: string; print: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
