import http from "node:http";
import { afterAll, describe, expect, inject, it } from "vitest";
import { closePgPool } from "@/lib/db-pool";
import { stopBoss } from "@/lib/jobs/boss";
import { MAX_WEBHOOK_BODY_BYTES } from "@/lib/webhooks/answer-webhook";
import { POST as nextRoute } from "@/app/api/webhooks/[provider]/route";

// A webhook URL is public: before anything is verified, neither door may buffer more than the cap. `npm start`
// answers it on node:http (lib/webhooks/serve-webhook.ts), plain `next start` / `next dev` in the route file; both go
// through lib/webhooks/answer-webhook.ts, and this test runs every case against both.

afterAll(async () => {
  await stopBoss({ graceful: false, timeoutMs: 5_000 });
  await closePgPool();
});

const PATH = "/api/webhooks/kling?cid=nope";
const CHUNK = 256 * 1024;
const HUGE = 50 * 1024 * 1024;
type Answer = { status: number; body: unknown; sent: number };

// Past this, a client that hasn't been answered stops writing but keeps the request open: only a server that answers
// without waiting for the body's end can answer it. (Once it has answered, node:http discards the rest at line speed,
// so bytes sent after the answer say nothing about what was read before it.)
const WRITE_AT_MOST = MAX_WEBHOOK_BODY_BYTES + 8 * 1024 * 1024;

/** Over a socket to the server under test: writes chunks (respecting backpressure) until it answers or `total` is sent. */
function viaServer(options: { total: number; declare?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.declare !== undefined) headers["content-length"] = String(options.declare);
    const req = http.request(`${inject("appUrl")}${PATH}`, { method: "POST", headers }, (res) => {
      answered = true;
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown, sent });
      });
    });
    // Once the server has answered, it may close the socket under a write still in flight.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < Math.min(options.total, WRITE_AT_MOST)) {
        const size = Math.min(CHUNK, options.total - sent);
        sent += size;
        if (!req.write(Buffer.alloc(size, 0x20))) return void req.once("drain", pump);
      }
      if (!answered && options.declare === undefined && sent >= options.total) req.end();
    };
    pump();
  });
}

/** The route handler as Next runs it, in this process, fed by a stream that counts what the handler pulled. */
async function viaNextRoute(options: { total: number; declare?: number }): Promise<Answer> {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= options.total) return controller.close();
        const size = Math.min(CHUNK, options.total - sent);
        sent += size;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.declare !== undefined) headers["content-length"] = String(options.declare);
  const request = new Request(`${inject("appUrl")}${PATH}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const res = await nextRoute(request, { params: Promise.resolve({ provider: "kling" }) });
  return { status: res.status, body: await res.json(), sent };
}

const doors = { "npm start's fast path": viaServer, "the Next route": viaNextRoute };

describe("webhook body cap, on both doors", () => {
  for (const [door, call] of Object.entries(doors)) {
    it(`${door}: refuses a declared length over the cap before reading the body`, async () => {
      const answer = await call({ total: CHUNK, declare: HUGE });
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({ error: { code: "payload_too_large", message: "The webhook body is too large." } });
    });

    it(`${door}: stops reading a streamed body at the cap and answers 413`, async () => {
      const answer = await call({ total: HUGE });
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ error: { code: "payload_too_large" } });
      // Answered before the body ended (the server's client never ends a 50 MB body); the route pulled about the cap.
      expect(answer.sent).toBeLessThanOrEqual(WRITE_AT_MOST);
    });

    it(`${door}: a body within the cap still reaches verification`, async () => {
      const answer = await call({ total: 1024 });
      expect(answer).toMatchObject({ status: 401, body: { ok: false, reason: "unknown_job" } });
    });
  }
});
