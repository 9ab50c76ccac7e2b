// Server-Sent Events framing for route handlers: the wire format, the heartbeat that keeps proxies from closing an
// idle stream, and one cleanup however the stream ends (client gone, source closed, write failed). What the events
// are is the caller's (lib/events/project-event-stream.ts).

export type EventChannel = {
  /** One event: `event: <name>` and its JSON `data`. */
  send: (name: string, data: unknown) => void;
  /** Ends the stream; the browser reconnects after the `retry` delay. */
  close: () => void;
};

export function eventStreamResponse(options: {
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  /** Starts the source of events and returns what stops it. */
  start: (channel: EventChannel) => Promise<() => void>;
  /** Runs once the client has been told it is connected, e.g. to tell it to catch up on what it missed. */
  afterConnect?: (channel: EventChannel) => Promise<void>;
  heartbeatMs?: number;
  /** How long a browser waits before reconnecting a dropped stream. */
  retryMs?: number;
}): Response {
  const encoder = new TextEncoder();
  let ended = false;
  let stopSource = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const cleanup = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    stopSource();
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (ended) return;
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
      const channel: EventChannel = { send: (name, data) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`), close };
      const stop = await options.start(channel);
      // The source may have ended the stream while starting; then stop it at once.
      if (ended) return stop();
      stopSource = stop;
      heartbeat = setInterval(() => write(": keep-alive\n\n"), options.heartbeatMs ?? 15_000);
      if (options.signal.aborted) return close();
      options.signal.addEventListener("abort", close);
      write(`retry: ${options.retryMs ?? 2000}\n: connected\n\n`);
      await options.afterConnect?.(channel);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
