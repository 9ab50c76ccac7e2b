import { describe, expect, it } from "vitest";
import { guardedFetch } from "@/lib/outbound/guarded-fetch";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { outsideOriginForThisFile } from "@/tests/helpers/outside-origin";

// A local server stands in for the internet; it is reachable only because the tests allow its host:port,
// exactly as configuration allows the simulator.
const origin = outsideOriginForThisFile();

const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof GuardedFetchError ? error.kind : `unexpected: ${String(error)}`),
  );

const opts = (extra: Parameters<typeof guardedFetch>[1] = {}) => ({ allowedHosts: [origin.host], maxBytes: 1000, timeoutMs: 2000, ...extra });

describe("guardedFetch", () => {
  it("downloads from an allowed host", async () => {
    const res = await guardedFetch(`${origin.base}/ok`, opts());
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe("hello");
  });

  it("refuses loopback by literal, by name (through the lookup) and as an IPv4-mapped IPv6 literal", async () => {
    const port = new URL(origin.base).port;
    expect(await kindOf(guardedFetch(`${origin.base}/ok`, opts({ allowedHosts: [] })))).toBe("blocked_address");
    expect(await kindOf(guardedFetch(`http://localhost:${port}/ok`, opts()))).toBe("blocked_address");
    expect(await kindOf(guardedFetch(`http://[::ffff:127.0.0.1]:${port}/ok`, opts()))).toBe("blocked_address");
    expect(await kindOf(guardedFetch(`http://2130706433:${port}/ok`, opts({ allowedHosts: [] })))).toBe("blocked_address");
  });

  it("re-checks every redirect target", async () => {
    const port = new URL(origin.base).port;
    const toLocalhost = encodeURIComponent(`http://localhost:${port}/ok`);
    expect(await kindOf(guardedFetch(`${origin.base}/redirect?to=${toLocalhost}`, opts()))).toBe("blocked_address");
    const toMetadata = encodeURIComponent("http://169.254.169.254/latest/meta-data/");
    expect(await kindOf(guardedFetch(`${origin.base}/redirect?to=${toMetadata}`, opts()))).toBe("blocked_address");
    expect(await kindOf(guardedFetch(`${origin.base}/redirect?to=${encodeURIComponent("file:///etc/passwd")}`, opts()))).toBe("bad_url");
    const followed = await guardedFetch(`${origin.base}/redirect?to=%2Fok`, opts());
    expect(followed.body.toString()).toBe("hello");
    expect(followed.url).toBe(`${origin.base}/ok`);
  });

  it("gives up after five redirects", async () => {
    const error = await guardedFetch(`${origin.base}/loop`, opts()).catch((e: GuardedFetchError) => e);
    expect(error).toMatchObject({ kind: "http_error", status: 301 });
  });

  it("reports HTTP errors with their status", async () => {
    const error = await guardedFetch(`${origin.base}/gone`, opts()).catch((e: GuardedFetchError) => e);
    expect(error).toMatchObject({ kind: "http_error", status: 404 });
  });

  it("stops at the byte cap, declared or streamed", async () => {
    expect(await kindOf(guardedFetch(`${origin.base}/declared-big`, opts()))).toBe("too_large");
    expect(await kindOf(guardedFetch(`${origin.base}/streamed-big`, opts()))).toBe("too_large");
  });

  it("treats a body cut short of its Content-Length as a network failure", async () => {
    expect(await kindOf(guardedFetch(`${origin.base}/truncated`, opts()))).toBe("network");
  });

  it("times out the whole download", async () => {
    expect(await kindOf(guardedFetch(`${origin.base}/hang`, opts({ timeoutMs: 200 })))).toBe("timeout");
  });

  it("refuses non-http URLs and URLs with credentials", async () => {
    expect(await kindOf(guardedFetch("ftp://example.com/a.png", opts()))).toBe("bad_url");
    expect(await kindOf(guardedFetch("not a url", opts()))).toBe("bad_url");
    expect(await kindOf(guardedFetch(`http://user:pw@${origin.host}/ok`, opts()))).toBe("bad_url");
  });
});
