import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedStream } from "@/lib/storage/guarded-stream";
import { GuardedFetchError } from "@/lib/storage/guarded-fetch-error";

// The streaming download against a local server standing in for a CDN (allowed by host:port, as configuration
// allows the simulator). Failures that happen after the headers must surface on the body stream, as a
// GuardedFetchError of the right kind, and must free the connection.
let server: http.Server;
let base: string;
let host: string;
let openSockets = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/ok") return res.writeHead(200, { "content-length": "5" }).end("hello");
    if (url.pathname === "/redirect") return res.writeHead(302, { location: url.searchParams.get("to")! }).end();
    if (url.pathname === "/declared-big") return res.writeHead(200, { "content-length": "2000" }).end(Buffer.alloc(2000));
    if (url.pathname === "/streamed-big") {
      // Chunked, no length: only the running count can stop it.
      res.writeHead(200);
      const timer = setInterval(() => res.write(Buffer.alloc(512)), 1);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (url.pathname === "/lying-length") {
      // Claims 100 bytes (under the cap), sends 50, hangs up.
      res.writeHead(200, { "content-length": "100" });
      return res.write(Buffer.alloc(50), () => res.destroy());
    }
    if (url.pathname === "/stalls") {
      // Headers and a first chunk promptly, then nothing: the timeout must still cover the body.
      res.writeHead(200, { "content-length": "800" });
      return res.write(Buffer.alloc(100));
    }
    res.writeHead(500).end();
  });
  server.on("connection", (socket) => {
    openSockets++;
    socket.on("close", () => openSockets--);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  base = `http://${host}`;
});

afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

const opts = { allowedHosts: [] as string[], maxBytes: 1000, timeoutMs: 2000 };
const allowed = () => ({ ...opts, allowedHosts: [host] });

/** Reads the body to the end; resolves with its bytes or the error kind it failed with. */
async function drain(url: string, options = allowed()) {
  try {
    const res = await guardedStream(url, options);
    const chunks: Buffer[] = [];
    for await (const chunk of res.body as AsyncIterable<Buffer>) chunks.push(chunk);
    return { ok: Buffer.concat(chunks), declared: res.declaredLength };
  } catch (error) {
    return { kind: error instanceof GuardedFetchError ? error.kind : `unexpected: ${String(error)}`, message: (error as Error).message };
  }
}

const socketsClosed = async () => {
  for (let i = 0; i < 50 && openSockets > 0; i++) await new Promise((r) => setTimeout(r, 20));
  return openSockets;
};

describe("guardedStream", () => {
  it("streams an allowed host's body, with its declared length", async () => {
    expect(await drain(`${base}/ok`)).toEqual({ ok: Buffer.from("hello"), declared: 5 });
  });

  it("refuses a declared Content-Length over the cap before reading the body", async () => {
    expect(await drain(`${base}/declared-big`)).toMatchObject({ kind: "too_large" });
  });

  it("cuts a body off mid-stream once it passes the cap, and closes the connection", async () => {
    expect(await drain(`${base}/streamed-big`)).toMatchObject({ kind: "too_large", message: "the file is larger than the limit of 1000 bytes" });
    expect(await socketsClosed()).toBe(0);
  });

  it("fails a body that ends short of its declared Content-Length", async () => {
    expect(await drain(`${base}/lying-length`)).toMatchObject({ kind: "network" });
  });

  it("times out a body that stalls after the headers, and closes the connection", async () => {
    const started = Date.now();
    expect(await drain(`${base}/stalls`, { ...allowed(), timeoutMs: 300 })).toMatchObject({ kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await socketsClosed()).toBe(0);
  });

  it("refuses a redirect to a private address, on every hop", async () => {
    const port = new URL(base).port;
    for (const to of [`http://localhost:${port}/ok`, "http://169.254.169.254/latest/meta-data/", `http://[::ffff:127.0.0.1]:${port}/ok`, "http://10.0.0.1/"]) {
      expect(await drain(`${base}/redirect?to=${encodeURIComponent(to)}`), to).toMatchObject({ kind: "blocked_address" });
    }
    // The first hop itself, when its host is not allowed.
    expect(await drain(`${base}/ok`, opts)).toMatchObject({ kind: "blocked_address" });
  });

  it("frees the connection when the reader stops early", async () => {
    const res = await guardedStream(`${base}/stalls`, allowed());
    res.body.destroy();
    expect(await socketsClosed()).toBe(0);
  });
});
