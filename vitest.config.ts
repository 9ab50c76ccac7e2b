import { defineConfig } from "vitest/config";
import path from "node:path";

// Three tiers, one runner. `npm test` runs them in order: unit (pure, fast), db (real PostgreSQL,
// a fresh database per run), integration (the running stack: app, worker, S3, simulator over HTTP).
// "server-only" as Next's server layer resolves it (its `react-server` export): tests run lib/ in plain Node, as the
// worker does (scripts/server-only-outside-next.mjs).
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          globalSetup: ["tests/setup/db-global.ts"],
          setupFiles: ["tests/setup/use-test-database.ts"],
          fileParallelism: false,
          // Memory tests (streamed exports, ZIPs) force a collection so they measure what is retained, not garbage
          // the collector hasn't got to yet (which depends on the machine's load).
          execArgv: ["--expose-gc"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; bundled by Vite,
          // it resolves (tests that call a route handler in-process import next-auth through it).
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/stack-global.ts"],
          setupFiles: ["tests/setup/use-test-stack.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
