import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";

// Boundaries (AGENTS.md "Boundaries"), each one a restricted import so that a violation fails `npm run lint`.
// Flat config gives a file the last matching `no-restricted-imports`, so each group below lists every rule it obeys.
const SIMULATOR = {
  group: ["@/simulator", "@/simulator/**", "**/simulator/**"],
  message: "Product code never imports the simulator: the stack hands its URLs and keys in as configuration (lib/env.ts).",
};
const DB_POOL = {
  group: ["@/lib/db-pool", "pg"],
  allowTypeImports: true,
  message: "The plain pg pool is for the hot paths AGENTS.md lists; use Prisma (@/lib/db) elsewhere, or measure and add the file to HOT_PATHS.",
};
const DB = {
  group: ["@/lib/db", "@/lib/db-pool", "@/lib/generated/prisma/client"],
  allowTypeImports: true,
  message: "Pages, actions and route handlers read through a lib function that checks access, never the database client.",
};
const WORKER = {
  group: ["@/lib/worker/**"],
  message: "Job handlers are registered only by the worker entry; enqueue a job through its contract in lib/jobs/contracts/.",
};
const JOB_DOMAIN = {
  regex: "^@/lib/(?!env$|errors$|jobs/|observability/)",
  message: "lib/jobs is the queue and its contracts: it imports no domain code (the handlers in lib/worker do).",
};
const PROVIDERS_CONFIG = {
  group: ["@/lib/providers-config/**"],
  message: "lib/credentials stores a team's keys; lib/providers-config resolves which config applies on top of it, not the other way round.",
};
const restrict = (...patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

// The hot paths of AGENTS.md that may use the plain pg pool (lib/db-pool.ts) or their own pg.Client (LISTEN).
const HOT_PATHS = [
  "lib/db-pool.ts",
  "lib/api-keys/authenticate-api-key.ts",
  "lib/events/publish-event.ts",
  "lib/events/subscribe-events.ts",
  "lib/generations/create-generation.ts",
  "lib/generations/load-and-claim-submission.ts",
  "lib/generations/record-queued-generation.ts",
  "lib/generations/submit-claim.ts",
  "lib/projects/get-project-or-throw.ts",
  "lib/spend/csv-page-query.ts",
  "lib/rate-limit/consume-rate-limit.ts",
  "lib/webhooks/drain-webhook-events.ts",
  "lib/webhooks/receive-webhook.ts",
  "lib/webhooks/start-webhook-drain.ts",
  "lib/webhooks/wake-drain.ts",
];

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".next-*/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Gallery images are our own pre-sized WebP thumbnails behind short-lived presigned URLs: next/image's optimizer
      // would re-fetch and re-encode them on every new signature and cannot reach a local S3 by default.
      "@next/next/no-img-element": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only lib/env.ts reads the environment (scripts and the simulator are exempt below).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
  { files: ["lib/**/*.{ts,tsx}"], rules: restrict(SIMULATOR, DB_POOL, WORKER) },
  { files: ["lib/jobs/**/*.ts"], rules: restrict(SIMULATOR, DB_POOL, WORKER, JOB_DOMAIN) },
  { files: ["lib/credentials/**/*.ts"], rules: restrict(SIMULATOR, DB_POOL, WORKER, PROVIDERS_CONFIG) },
  { files: ["lib/worker/**/*.ts"], rules: restrict(SIMULATOR, DB_POOL) },
  { files: HOT_PATHS, rules: restrict(SIMULATOR, WORKER) },
  { files: ["app/**/*.{ts,tsx}"], rules: restrict(SIMULATOR, DB, WORKER) },
  {
    files: ["lib/env.ts", "scripts/**", "simulator/**", "tests/**", "instrumentation*.ts", "prisma.config.ts", "prisma/**", "*.config.*"],
    rules: { "no-restricted-properties": "off" },
  },
);
