import pg from "pg";
import { env } from "@/lib/env";
import { EVENTS_CHANNEL, studioEvent, type StudioEvent } from "@/lib/events/studio-event";

type ProjectEvent = Exclude<StudioEvent, { type: "access.changed" }>;
type Listener = (event: ProjectEvent) => void;
type Subscriber = { listener: Listener; lost: () => void; teamId?: string; accessChanged?: () => void };

// One LISTEN connection per app process, fanned out in memory to every open SSE stream by project. If PostgreSQL
// drops it, the events sent until it is back are gone: every subscriber is told (`lost`) and dropped, so each SSE
// stream ends, its browser reconnects, and the new stream's resync check (lib/events/changed-since.ts) covers the gap.
// The next subscription opens a new connection.
const subscribers = new Map<string, Set<Subscriber>>();
let connecting: Promise<void> | null = null;

function connect(): Promise<void> {
  connecting ??= (async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    client.on("notification", (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const parsed = studioEvent.safeParse(JSON.parse(message.payload));
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type === "access.changed") {
        for (const set of subscribers.values()) {
          for (const s of set) if (event.teamId === null || s.teamId === event.teamId) s.accessChanged?.();
        }
        return;
      }
      for (const subscriber of subscribers.get(event.projectId) ?? []) subscriber.listener(event);
    });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      connecting = null;
      client.end().catch(() => undefined);
      const all = [...subscribers.values()].flatMap((set) => [...set]);
      subscribers.clear();
      for (const subscriber of all) subscriber.lost();
    };
    client.on("error", drop);
    client.on("end", drop);
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  })().catch((error) => {
    connecting = null;
    throw error;
  });
  return connecting;
}

/**
 * Calls `listener` for every event of the project until the returned function is called, or until the connection
 * is lost: then `lost` is called once and nothing more arrives. `access.accessChanged` is called when access in the
 * project's team (`access.teamId`) may have shrunk, so the stream can re-check its caller.
 */
export async function subscribeToProject(
  projectId: string,
  listener: Listener,
  lost: () => void,
  access?: { teamId: string; accessChanged: () => void },
): Promise<() => void> {
  await connect();
  let set = subscribers.get(projectId);
  if (!set) subscribers.set(projectId, (set = new Set()));
  const subscriber: Subscriber = { listener, lost, teamId: access?.teamId, accessChanged: access?.accessChanged };
  set.add(subscriber);
  return () => {
    set.delete(subscriber);
    if (set.size === 0 && subscribers.get(projectId) === set) subscribers.delete(projectId);
  };
}
