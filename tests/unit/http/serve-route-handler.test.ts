import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextResponse } from "next/server";
import { manifestHeaders } from "@/lib/http/manifest-headers";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { serveRouteHandler, type RouteHandler } from "@/lib/http/serve-route-handler";

// The custom server's way of running a route handler without Next (scripts/server.ts): what the handler sees of the
// request, and what the client gets of its Response, over a real node:http server.

const echo: RouteHandler = route(async (request, params) => {
  const body = await readJson(request);
  const res = NextResponse.json(
    { method: request.method, url: request.url, params, body, idempotencyKey: request.headers.get("idempotency-key") },
    { status: 201, headers: { "x-frame-options": "SAMEORIGIN", "retry-after": "3" } },
  );
  res.headers.append("set-cookie", "a=1; Path=/");
  res.headers.append("set-cookie", "b=2; Path=/");
  return res;
});

let server: http.Server;
let base = "";
beforeAll(async () => {
  const headersFor = (pathname: string): [string, string][] =>
    pathname.startsWith("/api/") ? [["x-frame-options", "DENY"], ["x-content-type-options", "nosniff"]] : [];
  server = http.createServer((req, res) => serveRouteHandler({ req, res, handler: echo, params: { projectId: "p 1" }, origin: "https://studio.example", headersFor }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections(); // fetch keeps its sockets alive
      server.close(() => resolve());
    }),
);

describe("serveRouteHandler", () => {
  it("hands the handler the method, the path on our origin, the headers, the body and the params", async () => {
    const res = await fetch(`${base}/api/v1/projects/p%201/generations?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k-1" },
      body: JSON.stringify({ prompt: "a kite ✓" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      method: "POST",
      url: "https://studio.example/api/v1/projects/p%201/generations?x=1",
      params: { projectId: "p 1" },
      body: { prompt: "a kite ✓" },
      idempotencyKey: "k-1",
    });
  });

  it("writes the Response's headers over the configured ones, keeps every Set-Cookie and sets the length", async () => {
    const res = await fetch(`${base}/api/v1/x`, { method: "POST", body: "{}" });
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN"); // the handler's own value wins, as in Next
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("retry-after")).toBe("3");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const text = await res.text();
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
  });

  it("answers an oversized chunked body with the handler's 413, not a dropped connection", async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/api/v1/x`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      let sent = 0;
      const pump = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });
});

describe("manifestHeaders", () => {
  it("gives a path the headers of every unconditional rule whose pattern matches, as the build stored them", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "manifest-"));
    const manifest = {
      headers: [
        { source: "/:path*", regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
        { source: "/api/:path*", regex: "^/api(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "X-Api", value: "1" }] },
        { source: "/:path*", regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", has: [{ type: "header", key: "x-a" }], headers: [{ key: "X-Conditional", value: "1" }] },
      ],
    };
    await fs.writeFile(path.join(dir, "routes-manifest.json"), JSON.stringify(manifest));
    const headersFor = manifestHeaders(dir);
    expect(headersFor("/api/v1/projects/p/generations")).toEqual([["X-Frame-Options", "DENY"], ["X-Api", "1"]]);
    expect(headersFor("/sign-in")).toEqual([["X-Frame-Options", "DENY"]]);
    await fs.rm(dir, { recursive: true });
  });
});
