import { eventStreamResponse } from "@/lib/http/event-stream";
import { subscribeToProject } from "@/lib/events/subscribe-events";
import { projectChangedSince } from "@/lib/events/changed-since";

/**
 * A project's live events as an SSE response (GET /api/v1/projects/:projectId/events; the caller has been checked on
 * the project). A lost LISTEN connection ends the stream: the browser reconnects and resyncs.
 */
export function projectEventStream(options: { projectId: string; since: Date | null; signal: AbortSignal }): Response {
  const { projectId, since } = options;
  return eventStreamResponse({
    signal: options.signal,
    start: (channel) => subscribeToProject(projectId, (event) => channel.send(event.type, event), channel.close),
    // Events sent before this stream was listening are gone: the page rendered at `since` (and a browser reconnecting
    // after a drop) learns that it missed something and re-fetches. If the check itself fails, a refresh too many is
    // the safe answer.
    async afterConnect(channel) {
      if (since && (await projectChangedSince(projectId, since).catch(() => true))) channel.send("resync", {});
    },
  });
}
