import { db, type Tx } from "@/lib/db";
import { EVENTS_CHANNEL, type StudioEvent } from "@/lib/events/studio-event";

type WithoutAt<T> = T extends unknown ? Omit<T, "at"> : never;

/**
 * Publishes over PostgreSQL NOTIFY, so every app process's SSE streams hear it whichever worker made the change.
 * Inside a transaction (`tx`) the notification is delivered only if the transaction commits.
 */
export async function publishEvent(event: WithoutAt<StudioEvent>, tx?: Tx) {
  const payload = JSON.stringify({ ...event, at: new Date().toISOString() });
  await (tx ?? db).$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${payload})`;
}
