// `npm run dev` - the whole studio on one machine: database, storage and provider simulator (each embedded unless
// configured), migrations, demo data on first run, the job worker and Next's dev server on http://localhost:3000.
import "dotenv/config";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { ConfigError, parseEnv } from "@/lib/env";
import { startStack } from "@/scripts/stack/start-stack";
import { prepareApp } from "@/scripts/prepare-app";
import { devAuthSecret } from "@/scripts/dev-secret";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
const log = (line: string) => console.info(`[studio] ${line}`);

async function main() {
  // On Node 20 the AWS SDK warns (10 lines, from every process) that its releases after January 2027 need Node 22,
  // and `next dev` forwards that warning to every open studio tab as a red "Issue". Said once here instead, before
  // anything loads the SDK (the stack's processes inherit the setting); the production server and worker
  // (`npm start`, `npm run worker`) still print the SDK's own warning to their logs.
  if (Number(process.versions.node.split(".")[0]) < 22) {
    log(`Node ${process.versions.node} works today; AWS SDK releases after January 2027 need Node 22 or newer, so upgrade when you can`);
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  }
  process.env.AUTH_SECRET ||= await devAuthSecret(path.join(root, ".data"));
  // Refuse bad configuration before starting anything; an unset DATABASE_URL is fine (the embedded one fills it).
  parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://embedded@127.0.0.1/placeholder" });
  const stack = await startStack({
    dataDir: path.join(root, ".data"),
    ports: {
      postgres: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      s3: Number(process.env.EMBEDDED_S3_PORT ?? 4569),
      simulator: Number(process.env.SIMULATOR_PORT ?? 4010),
    },
    databaseName: "asset_studio",
    given: { APP_URL: `http://localhost:${port}`, ...process.env },
    log,
  });
  Object.assign(process.env, stack.env);
  await prepareApp({ databaseUrl: stack.env.DATABASE_URL!, seed: true, log });

  const children: ChildProcess[] = [];
  let stopping = false;
  const run = (name: string, args: string[]) => {
    const child = spawn(process.execPath, args, { cwd: root, env: stack.env as NodeJS.ProcessEnv, stdio: "inherit" });
    child.on("exit", (code, signal) => {
      if (!stopping) {
        console.error(`[studio] ${name} exited (${signal ?? code}); stopping`);
        void shutdown(1);
      }
    });
    children.push(child);
  };
  // `--import tsx` keeps the worker one process, so signals reach it directly (the tsx CLI would wrap it).
  run("worker", ["--import", "tsx", "scripts/worker.ts"]);
  run("next", [path.join(root, "node_modules/next/dist/bin/next"), "dev", "--port", port]);
  log(`studio starting on http://localhost:${port}`);

  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once("exit", r), c.kill("SIGTERM"))))));
    await stack.stop();
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
