import os from "node:os";
import path from "node:path";
import fs from "node:fs/promises";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startStack } from "@/scripts/stack/start-stack";
import { prepareApp } from "@/scripts/prepare-app";
import { freePort } from "./free-port";
import { startAppProcesses } from "./app-processes";
import { startStackControl } from "./stack-control";
import { startOidcServer } from "./oidc-server";
import { startSmtpServer } from "./smtp-server";
import { startOutsideOrigin } from "@/tests/helpers/outside-origin-server";

declare module "vitest" {
  export interface ProvidedContext {
    stackEnv: Record<string, string>;
    appUrl: string;
    stackControlUrl: string;
    /** A stand-in outside origin (tests/helpers/outside-origin-server.ts) the stack may fetch from, e.g. slow references. */
    outsideOriginUrl: string;
    /** A loopback port the app may POST webhooks to (allowed like the outside origin); a test starts its receiver there. */
    webhookReceiverPort: number;
  }
}

// integration tier: the real stack (PostgreSQL, S3 protocol, provider simulator, worker, Next) started the same
// way `npm run dev` starts it, on free ports and a fresh database, S3 folder and simulator.
// `next start` runs with NODE_ENV=production, which refuses to start without real secrets (as it should).
const productionSecrets = {
  AUTH_SECRET: "integration-test-auth-secret-0123456789abcdef",
  CREDENTIALS_ENCRYPTION_KEYS: Buffer.alloc(32, 9).toString("base64"),
  // Turns /api/metrics on (tests/integration/foundation/metrics.test.ts).
  METRICS_TOKEN: "integration-test-metrics-token",
};

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const name = `studio_it_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const given: Record<string, string | undefined> = { ...process.env };
  if (given.DATABASE_URL) {
    const url = new URL(given.DATABASE_URL);
    url.pathname = `/${name}`;
    given.DATABASE_URL = url.toString();
  }
  const port = await freePort();
  given.APP_URL = `http://127.0.0.1:${port}`;
  // The app, the worker and the test files must share these (sessions, webhook tokens, encrypted credentials).
  Object.assign(given, productionSecrets);
  // Its own build folder, so a test run can go on beside `npm run dev` (set NEXT_DIST_DIR to run two suites at once).
  given.NEXT_DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-test";
  // Image URLs signed in 5-second windows (valid 10 s), so tests can outlive them: pages left open must keep loading
  // images through the redirect route (tests/integration/assets/gallery-api.test.ts, the studio's e2e test).
  given.ASSET_URL_WINDOW_SECONDS ??= "5";
  // Objects from earlier runs would only confuse tests that count what the stack stored.
  await fs.rm(path.join(root, ".data", "test-integration", "s3"), { recursive: true, force: true });
  const stack = await startStack({
    // Postgres data persists across runs (initdb once); each run still gets its own database.
    dataDir: path.join(root, ".data", "test-integration"),
    // EMBEDDED_POSTGRES_PORT lets several checkouts on one machine run their suites at once (each its own server).
    ports: { postgres: Number(process.env.EMBEDDED_POSTGRES_PORT) || 54349, s3: await freePort(), simulator: await freePort() },
    databaseName: name,
    given,
    log: () => undefined,
  });
  Object.assign(process.env, stack.env);
  await prepareApp({ databaseUrl: stack.env.DATABASE_URL!, seed: false, log: () => undefined });
  // The sign-in tests' identity provider and mailbox: the app reads AUTH_OIDC_* and SMTP_URL once at start.
  const oidc = await startOidcServer({ port: await freePort(), appUrl: given.APP_URL });
  const smtp = await startSmtpServer({ port: await freePort(), dir: path.join(os.tmpdir(), `${name}-mail`) });
  // An outside origin on loopback that the guard lets the app reach, as an operator allows a MinIO or a CDN on a
  // private network: configuration (OUTBOUND_ALLOWED_HOSTS), never a branch on test mode. Started here because the
  // app reads its allow-list once at start, so a test file cannot add its own origin later.
  const origin = await startOutsideOrigin();
  // Likewise a receiver for the team webhooks (spend alerts): its host is configuration, its server the test's own.
  const webhookReceiverPort = await freePort();
  const outbound = [stack.env.OUTBOUND_ALLOWED_HOSTS, origin.host, `127.0.0.1:${webhookReceiverPort}`].filter(Boolean).join(",");
  const mode = process.env.TEST_NEXT_MODE === "dev" ? "dev" : "start";
  const app = await startAppProcesses({ env: { ...stack.env, ...oidc.env, ...smtp.env, OUTBOUND_ALLOWED_HOSTS: outbound }, port, mode });
  project.provide("stackEnv", stack.env);
  project.provide("appUrl", app.appUrl);
  const control = await startStackControl(app);
  project.provide("stackControlUrl", control.url);
  project.provide("mailDir", smtp.dir);
  project.provide("outsideOriginUrl", origin.base);
  project.provide("webhookReceiverPort", webhookReceiverPort);
  return async () => {
    await control.close();
    await app.stop();
    await Promise.all([oidc.stop(), smtp.stop(), origin.close()]);
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    const pg = await import("pg");
    const admin = new URL(stack.env.DATABASE_URL!);
    admin.pathname = "/postgres";
    const client = new pg.default.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    await stack.stop();
  };
}
