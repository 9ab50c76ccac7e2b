import { db } from "@/lib/db";
import { checkStorage } from "@/lib/storage/check-storage";

// A worker counts as up while its heartbeat is younger than this (it beats every 5 s).
const WORKER_STALE_MS = 30_000;

export type ComponentHealth = { status: "up" | "down"; detail?: string };

export async function checkHealth() {
  const [database, storage] = await Promise.all([checkDatabase(), checkStorage()]);
  const worker = database.status === "up" ? await checkWorker() : { status: "down" as const, detail: "database down" };
  const components = {
    database,
    storage: storage.ok ? { status: "up" as const } : { status: "down" as const, detail: storage.error },
    worker,
  };
  // The studio can't serve anything without its database and storage; a missing worker only delays jobs.
  const ok = components.database.status === "up" && components.storage.status === "up";
  return { status: ok ? ("ok" as const) : ("degraded" as const), components };
}

async function checkDatabase(): Promise<ComponentHealth> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "up" };
  } catch {
    return { status: "down", detail: "unreachable" };
  }
}

async function checkWorker(): Promise<ComponentHealth & { workers?: number }> {
  const since = new Date(Date.now() - WORKER_STALE_MS);
  const workers = await db.workerHeartbeat.count({ where: { lastSeenAt: { gte: since } } });
  return workers > 0 ? { status: "up", workers } : { status: "down", detail: "no worker heartbeat in 30 s", workers };
}
