// GET /api/v1/projects/:projectId/events - Server-Sent Events: generation status changes and new assets
import { withProject } from "@/lib/http/with-project";
import { subscribeToProject } from "@/lib/events/subscribe-events";
import { projectChangedSince } from "@/lib/events/changed-since";
import { streamAccessCheck } from "@/lib/events/stream-access-check";

const HEARTBEAT_MS = 15_000;

export const GET = withProject("project.read", async ({ request, project, access }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // A lost LISTEN connection ends the stream: the browser reconnects (after `retry`) and resyncs.
      // Access is checked when the stream opens and must keep holding: the stream ends once it doesn't.
      const accessCheck = streamAccessCheck({ request, caller: access.caller, projectId: project.id, revoked: close });
      const unsubscribe = await subscribeToProject(project.id, (event) => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`), close, {
        teamId: project.teamId,
        accessChanged: accessCheck.now,
      });
      // Comments keep proxies from closing an idle stream.
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        accessCheck.stop();
        unsubscribe();
      };
      request.signal.addEventListener("abort", close);
      send(`retry: 2000\n: connected\n\n`);
      // Events sent before this stream was listening are gone: the page rendered at `since` (and a browser
      // reconnecting after a drop) learns that it missed something and re-fetches.
      const since = new Date(new URL(request.url).searchParams.get("since") ?? "");
      // If the check itself fails, a refresh too many is the safe answer.
      if (!Number.isNaN(since.getTime()) && (await projectChangedSince(project.id, since).catch(() => true))) send(`event: resync\ndata: {}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
});
