// `npm run worker` - the job worker as its own process; run as many as you like against one database.
import "dotenv/config";
import { env } from "@/lib/env";
import { exitOnBadConfig } from "@/scripts/exit-on-bad-config";

exitOnBadConfig();

const { runWorker } = await import("@/lib/worker/run-worker");
const { disconnectDb } = await import("@/lib/db");
const { closePgPool } = await import("@/lib/db-pool");
const stop = await runWorker({ concurrency: env().WORKER_CONCURRENCY });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`[worker] ${signal}: finishing running jobs`);
  await stop();
  await disconnectDb();
  await closePgPool();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
