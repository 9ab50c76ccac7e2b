import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL from here, not from schema.prisma. Falls back to the local default
// (also when set but empty, as in .env.example) instead of using `env()`, which throws when unset, so
// `prisma generate` runs on a bare install.
// Migrations are created/applied by scripts/db/ (wasm schema engine); this keeps `prisma migrate deploy`
// usable wherever the native engine is available.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/asset_studio" },
});
