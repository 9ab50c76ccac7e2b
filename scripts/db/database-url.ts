import { DEFAULT_DATABASE_URL } from "./pg-config";

// CLI entry points only; library functions take the URL as an option. Documented in .env.example.
export function databaseUrlFromEnv(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
