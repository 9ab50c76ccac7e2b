import { describe, expect, it } from "vitest";
import { guardedStream } from "@/lib/outbound/guarded-stream";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { outsideOriginForThisFile } from "@/tests/helpers/outside-origin";

// The streaming download against a local server standing in for a CDN (allowed by host:port, as configuration
// allows the simulator). Failures that happen after the headers must surface on the body stream, as a
// GuardedFetchError of the right kind, and must free the connection.
const origin = outsideOriginForThisFile();

const opts = { allowedHosts: [] as string[], maxBytes: 1000, timeoutMs: 2000 };
const allowed = () => ({ ...opts, allowedHosts: [origin.host] });

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
  for (let i = 0; i < 50 && origin.openSockets() > 0; i++) await new Promise((r) => setTimeout(r, 20));
  return origin.openSockets();
};

describe("guardedStream", () => {
  it("streams an allowed host's body, with its declared length", async () => {
    expect(await drain(`${origin.base}/ok`)).toEqual({ ok: Buffer.from("hello"), declared: 5 });
  });

  it("refuses a declared Content-Length over the cap before reading the body", async () => {
    expect(await drain(`${origin.base}/declared-big`)).toMatchObject({ kind: "too_large" });
  });

  it("cuts a body off mid-stream once it passes the cap, and closes the connection", async () => {
    expect(await drain(`${origin.base}/streamed-big`)).toMatchObject({ kind: "too_large", message: "the file is larger than the limit of 1000 bytes" });
    expect(await socketsClosed()).toBe(0);
  });

  it("fails a body that ends short of its declared Content-Length", async () => {
    expect(await drain(`${origin.base}/truncated`)).toMatchObject({ kind: "network" });
  });

  it("times out a body that stalls after the headers, and closes the connection", async () => {
    const started = Date.now();
    expect(await drain(`${origin.base}/stalls`, { ...allowed(), timeoutMs: 300 })).toMatchObject({ kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await socketsClosed()).toBe(0);
  });

  it("refuses a redirect to a private address, on every hop", async () => {
    const port = new URL(origin.base).port;
    for (const to of [`http://localhost:${port}/ok`, "http://169.254.169.254/latest/meta-data/", `http://[::ffff:127.0.0.1]:${port}/ok`, "http://10.0.0.1/"]) {
      expect(await drain(`${origin.base}/redirect?to=${encodeURIComponent(to)}`), to).toMatchObject({ kind: "blocked_address" });
    }
    // The first hop itself, when its host is not allowed.
    expect(await drain(`${origin.base}/ok`, opts)).toMatchObject({ kind: "blocked_address" });
  });

  it("frees the connection when the reader stops early", async () => {
    const res = await guardedStream(`${origin.base}/stalls`, allowed());
    res.body.destroy();
    expect(await socketsClosed()).toBe(0);
  });
});
