import type pg from "pg";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/asset_studio";

// A PoolConfig with discrete fields instead of `connectionString`: pg lets a connection string override
// `database`, so a config that carried one could never be pointed at another database on the same server
// (the maintenance db for CREATE DATABASE, or a throwaway shadow database).
export function poolConfigFromUrl(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get("sslmode");
  return {
    // `?host=/run/postgresql` (a socket directory) when the URL has no host; IPv6 literals lose their brackets.
    host: decodeURIComponent(url.hostname).replace(/^\[|\]$/g, "") || url.searchParams.get("host") || "127.0.0.1",
    port: url.port ? Number(url.port) : 5432,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database ?? decodeURIComponent(url.pathname.replace(/^\//, "")),
    ssl: sslmode && sslmode !== "disable" && sslmode !== "prefer" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    // Scripts and test setups must be able to exit without ending every pool by hand.
    allowExitOnIdle: true,
  };
}

export function databaseNameFromUrl(databaseUrl: string): string {
  const name = poolConfigFromUrl(databaseUrl).database;
  if (!name) throw new Error(`DATABASE_URL has no database name: ${redactUrl(databaseUrl)}`);
  return name;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** The same server and credentials as `databaseUrl`, pointing at another database. */
export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}
