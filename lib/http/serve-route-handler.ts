import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { errorBody, toAppError } from "@/lib/errors";
import type { RouteContext } from "@/lib/http/route";
import { log } from "@/lib/observability/log";

export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/**
 * Runs an App Router route handler (the very function Next would call) for a node:http request, without Next's
 * request pipeline, and writes its Response back with the headers next.config.mjs gives that path. For the custom
 * server's fast paths (scripts/server.ts): the handler, its authentication and its errors are the route file's own,
 * so nothing differs but the ~6 ms Next spends around it. Only for handlers that need no Next request context
 * (`headers()`, `cookies()`, `auth()`): an API-key request qualifies, a session-cookie one does not.
 */
export function serveRouteHandler(options: {
  req: IncomingMessage;
  res: ServerResponse;
  handler: RouteHandler;
  params: Record<string, string>;
  /** The studio's public origin (APP_URL): the Request's URL is this plus the path, as for the webhook fast path. */
  origin: string;
  headersFor: (pathname: string) => [string, string][];
}): void {
  const { req, res } = options;
  const url = new URL(req.url ?? "/", options.origin);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Required by fetch's Request for a streamed body.
    duplex: "half",
  } as RequestInit);
  const extra = options.headersFor(url.pathname);
  options
    .handler(request, { params: Promise.resolve(options.params) })
    .then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      for (const [key, value] of extra) res.setHeader(key, value);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie") res.setHeader(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) res.setHeader("set-cookie", cookies);
      res.setHeader("content-length", body.length);
      res.writeHead(response.status).end(body);
    })
    .catch((error: unknown) => {
      // The route wrapper already turns every error into a response; this is only a failure to write one.
      log("server").error({ err: error }, "route handler failed");
      if (res.headersSent) return void res.destroy();
      const text = JSON.stringify(errorBody(toAppError(error)));
      res.writeHead(500, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
    });
}
