// npm postinstall / npm run db:generate - `prisma generate`, offline.
// Plain .mjs (not .ts via tsx) because it runs from postinstall, before anything else can be relied on.
//
// `prisma generate` first tries to download the native schema-engine binary, which it never runs for
// generate, and fails offline. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the
// download; this script's own path is used, so nothing could ever mistake it for a working engine.
// Migrations do not need the binary either: see scripts/db/schema-engine.ts.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || fileURLToPath(import.meta.url),
  // No version-check / telemetry request (it would only time out offline).
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], { env, stdio: "inherit" });
process.exit(result.status ?? 1);
