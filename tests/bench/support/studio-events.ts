import http from "node:http";
import pg from "pg";
import { EVENTS_CHANNEL, type StudioEvent } from "@/lib/events/studio-event";

export type Arrival = { event: StudioEvent; at: number; wall: number };

/**
 * The studio's event channel heard directly (LISTEN on the same PostgreSQL channel the SSE route uses), with the
 * moment each event arrived: `at` from performance.now(), `wall` from Date.now().
 */
export async function listenToStudioEvents(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A benchmark that fails before closing it has its database dropped under it at teardown: report, don't crash.
  client.on("error", (error) => console.error("[bench] studio events listener:", error.message));
  const listeners = new Set<(a: Arrival) => void>();
  client.on("notification", (message) => {
    if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
    const arrival = { event: JSON.parse(message.payload) as StudioEvent, at: performance.now(), wall: Date.now() };
    for (const l of listeners) l(arrival);
  });
  await client.connect();
  await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  return {
    on(listener: (a: Arrival) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => client.end(),
  };
}

/**
 * A project's Server-Sent Events stream (GET /api/v1/projects/:id/events), read the way a browser tab reads it, with
 * arrival times. Resolves once the stream says it is connected.
 */
export async function openProjectStream(options: { appUrl: string; projectId: string; apiKey: string; onEvent: (a: Arrival) => void }) {
  const url = new URL(`/api/v1/projects/${options.projectId}/events`, options.appUrl);
  let request: http.ClientRequest | undefined;
  await new Promise<void>((resolve, reject) => {
    request = http.get(url, { headers: { authorization: `Bearer ${options.apiKey}`, accept: "text/event-stream" }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE stream answered ${res.statusCode}`));
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(": connected")) resolve();
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (data) options.onEvent({ event: JSON.parse(data.slice(6)) as StudioEvent, at: performance.now(), wall: Date.now() });
        }
      });
    });
    request.on("error", reject);
  });
  return { close: () => request?.destroy() };
}
