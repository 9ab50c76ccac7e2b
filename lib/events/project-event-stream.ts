import { eventStreamResponse } from "@/lib/http/event-stream";
import type { Caller } from "@/lib/http/caller";
import { subscribeToProject } from "@/lib/events/subscribe-events";
import { projectChangedSince } from "@/lib/events/changed-since";
import { streamAccessCheck } from "@/lib/events/stream-access-check";

/**
 * A project's live events as an SSE response (GET /api/v1/projects/:projectId/events; the caller has been checked on
 * the project). A lost LISTEN connection ends the stream: the browser reconnects and resyncs. Access is checked when
 * the stream opens and must keep holding: the stream ends once it doesn't (stream-access-check.ts).
 */
export function projectEventStream(options: {
  request: Request;
  caller: Caller;
  projectId: string;
  teamId: string;
  since: Date | null;
}): Response {
  const { projectId, since } = options;
  return eventStreamResponse({
    signal: options.request.signal,
    async start(channel) {
      const accessCheck = streamAccessCheck({ request: options.request, caller: options.caller, projectId, revoked: channel.close });
      const unsubscribe = await subscribeToProject(projectId, (event) => channel.send(event.type, event), channel.close, {
        teamId: options.teamId,
        accessChanged: accessCheck.now,
      });
      return () => {
        accessCheck.stop();
        unsubscribe();
      };
    },
    // Events sent before this stream was listening are gone: the page rendered at `since` (and a browser reconnecting
    // after a drop) learns that it missed something and re-fetches. If the check itself fails, a refresh too many is
    // the safe answer.
    async afterConnect(channel) {
      if (since && (await projectChangedSince(projectId, since).catch(() => true))) channel.send("resync", {});
    },
  });
}
