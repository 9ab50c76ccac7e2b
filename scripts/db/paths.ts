import path from "node:path";

// Resolved from this file, not the cwd, so the dev stack and tests can call in from anywhere.
export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const DEFAULT_SCHEMA_PATH = path.join(REPO_ROOT, "prisma/schema.prisma");
export const DEFAULT_MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
