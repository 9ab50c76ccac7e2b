import { describe, expect, it } from "vitest";
import { eventStreamResponse, type EventChannel } from "@/lib/http/event-stream";

// Reads what a browser's EventSource would receive until `done` says it has seen enough.
async function readUntil(response: Response, done: (text: string) => boolean, timeoutMs = 2000) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (!done(text)) {
    if (Date.now() > deadline) throw new Error(`stream said only: ${JSON.stringify(text)}`);
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value);
  }
  return { text, reader };
}

describe("eventStreamResponse", () => {
  it("frames events, says it is connected before the catch-up, and keeps the stream alive", async () => {
    let channel: EventChannel | undefined;
    const response = eventStreamResponse({
      signal: new AbortController().signal,
      heartbeatMs: 20,
      start: async (c) => {
        channel = c;
        return () => {};
      },
      afterConnect: async (c) => c.send("resync", {}),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const first = await readUntil(response, (t) => t.includes("event: resync"));
    expect(first.text.startsWith("retry: 2000\n: connected\n\nevent: resync\ndata: {}\n\n")).toBe(true);
    channel!.send("generation.updated", { id: "gen_1", status: "running" });
    let text = "";
    const decoder = new TextDecoder();
    while (!text.includes(": keep-alive\n\n") || !text.includes("generation.updated")) text += decoder.decode((await first.reader.read()).value);
    expect(text).toContain('event: generation.updated\ndata: {"id":"gen_1","status":"running"}\n\n');
    channel!.close();
  });

  it("stops the source once, whether the client leaves or the source ends the stream", async () => {
    for (const ending of ["client aborts", "source closes"] as const) {
      const abort = new AbortController();
      let stops = 0;
      let channel: EventChannel | undefined;
      const response = eventStreamResponse({
        signal: abort.signal,
        heartbeatMs: 10,
        start: async (c) => {
          channel = c;
          return () => void stops++;
        },
      });
      const { reader } = await readUntil(response, (t) => t.includes(": connected"));
      if (ending === "client aborts") abort.abort();
      else channel!.close();
      const rest = await reader.read();
      expect(rest.done, ending).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(stops, ending).toBe(1);
    }
  });
});
