import { pgPool } from "@/lib/db-pool";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * One keyset page of a CSV export, read through the plain pg pool (a hot path in AGENTS.md's sense): streaming a
 * million ledger rows through Prisma's raw query grew the process's resident memory by ~110 MB more than the same pages
 * through pg (measured in one process, both reading 5,000-row pages), on top of the web stream; the export's goal is
 * flat memory (npm run bench -- spend). The statement is still built with Prisma.sql; dates go as ISO strings cast by
 * the column's `timestamp` type (UTC wall time, as Prisma writes it), and the pool reads timestamps back as UTC.
 */
export async function csvPageQuery<Row>(sql: Prisma.Sql): Promise<Row[]> {
  const values = sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const result = await pgPool().query({ text: sql.text, values });
  return result.rows as Row[];
}
