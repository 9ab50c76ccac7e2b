import { db } from "@/lib/db";
import { boss } from "@/lib/jobs/boss";
import { metrics } from "@/lib/observability/metrics";

/**
 * Sets the database-backed gauges just before a scrape: the whole installation's figures, the same from any web or
 * worker process. A handful of grouped counts, each served by an index (status, processedAt) or small tables.
 */
export async function collectDbMetrics(): Promise<void> {
  const m = metrics();
  const [queues, byStatus, byClass, spend, pending, processed] = await Promise.all([
    boss().then((b) => b.getQueues()),
    db.generation.groupBy({ by: ["status"], _count: { _all: true } }),
    db.generation.groupBy({ by: ["errorClass"], where: { status: "failed" }, _count: { _all: true } }),
    db.spendEntry.groupBy({ by: ["provider", "kind"], _sum: { amountMicros: true } }),
    db.webhookEvent.groupBy({ by: ["provider"], where: { processedAt: null }, _count: { _all: true } }),
    db.webhookEvent.groupBy({ by: ["provider"], where: { processedAt: { not: null } }, _count: { _all: true } }),
  ]);
  m.queueDepth.reset();
  for (const q of queues) {
    m.queueDepth.set({ queue: q.name, state: "ready" }, q.readyCount);
    m.queueDepth.set({ queue: q.name, state: "deferred" }, q.deferredCount);
    m.queueDepth.set({ queue: q.name, state: "active" }, q.activeCount);
    m.queueDepth.set({ queue: q.name, state: "failed" }, q.failedCount);
  }
  m.generations.reset();
  for (const row of byStatus) m.generations.set({ status: row.status }, row._count._all);
  m.generationFailures.reset();
  for (const row of byClass) m.generationFailures.set({ class: row.errorClass ?? "unknown" }, row._count._all);
  m.spend.reset();
  for (const row of spend) m.spend.set({ provider: row.provider, kind: row.kind }, Number(row._sum.amountMicros ?? 0n) / 1_000_000);
  m.webhookEvents.reset();
  for (const row of pending) m.webhookEvents.set({ provider: row.provider, state: "pending" }, row._count._all);
  for (const row of processed) m.webhookEvents.set({ provider: row.provider, state: "processed" }, row._count._all);
}
