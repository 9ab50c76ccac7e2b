import pg from "pg";
import { env } from "@/lib/env";
import { EVENTS_CHANNEL, studioEvent, type StudioEvent } from "@/lib/events/studio-event";

type Listener = (event: StudioEvent) => void;

// One LISTEN connection per app process, fanned out in memory to every open SSE stream by project. Reconnects
// with backoff if PostgreSQL drops it; streams miss nothing they can't recover by re-fetching the project.
const listeners = new Map<string, Set<Listener>>();
let connecting: Promise<void> | null = null;

function connect(): Promise<void> {
  connecting ??= (async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    client.on("notification", (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const parsed = studioEvent.safeParse(JSON.parse(message.payload));
      if (!parsed.success) return;
      for (const listener of listeners.get(parsed.data.projectId) ?? []) listener(parsed.data);
    });
    client.on("error", () => {
      connecting = null;
      client.end().catch(() => undefined);
      setTimeout(() => void (listeners.size > 0 && connect().catch(() => undefined)), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  })().catch((error) => {
    connecting = null;
    throw error;
  });
  return connecting;
}

/** Calls `listener` for every event of the project until the returned function is called. */
export async function subscribeToProject(projectId: string, listener: Listener): Promise<() => void> {
  await connect();
  let set = listeners.get(projectId);
  if (!set) listeners.set(projectId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(projectId);
  };
}
