import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { byteCap } from "@/lib/outbound/byte-cap";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { isBlockedAddress } from "@/lib/outbound/ip-policy";

// One HTTP exchange of a guarded download: no redirect following, no connection reuse (every connection goes through
// the lookup again). A 2xx answer comes back as soon as its headers do, with the body as a stream that is capped at
// maxBytes (and at a declared Content-Length), so callers can pass it on without holding it: every way the body can
// go wrong (cap, timeout, cut connection) surfaces as a GuardedFetchError on that stream.

export type Hop =
  | { kind: "redirect"; status: number; location: string | undefined }
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; body: Readable; declaredLength: number | undefined };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A request with a body (a webhook POST) instead of the default GET. */
export type OutboundRequest = { method: "POST"; headers: Record<string, string>; body: Buffer };

export function guardedRequest(
  url: URL,
  o: { lookup?: LookupFunction; maxBytes: number; signal: AbortSignal; request?: OutboundRequest },
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const explain = (error: unknown): GuardedFetchError => {
      if (o.signal.aborted) return new GuardedFetchError("timeout", "the download took too long");
      if (error instanceof GuardedFetchError) return error;
      return new GuardedFetchError("network", error instanceof Error ? error.message : "network error");
    };
    const client = url.protocol === "https:" ? https : http;
    const headers = o.request
      ? { "accept-encoding": "identity", "user-agent": "AssetStudio/1 webhook", "content-length": String(o.request.body.length), ...o.request.headers }
      : { accept: "image/*, */*;q=0.5", "accept-encoding": "identity", "user-agent": "AssetStudio/1 ingest" };
    const req = client.request(url, { method: o.request?.method ?? "GET", agent: false, lookup: o.lookup, signal: o.signal, headers }, (res) => {
      const status = res.statusCode ?? 0;
      const stop = (result: Hop | GuardedFetchError) => {
        req.destroy();
        if (result instanceof GuardedFetchError) reject(result);
        else resolve(result);
      };
      if (REDIRECTS.has(status)) return stop({ kind: "redirect", status, location: res.headers.location });
      if (status < 200 || status > 299) return stop(new GuardedFetchError("http_error", `the server answered HTTP ${status}`, status));

      const raw = res.headers["content-length"];
      const declared = raw === undefined ? undefined : Number(raw);
      const declaredLength = declared !== undefined && Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
      // Refused before a byte is read: a server announcing more than the cap is not worth the bandwidth.
      if (declared !== undefined && declared > o.maxBytes) return stop(tooLarge(o.maxBytes));
      resolve({ kind: "response", status, headers: res.headers, body: cappedBody(req, res, o.maxBytes, declaredLength, explain), declaredLength });
    });
    // Backstop for the lookup: refuse whatever address the socket really reached before reading a byte from it.
    if (o.lookup) {
      req.on("socket", (socket) =>
        socket.once("connect", () => {
          if (socket.remoteAddress && isBlockedAddress(socket.remoteAddress))
            req.destroy(new GuardedFetchError("blocked_address", `connected to ${socket.remoteAddress}, which is not a public address`));
        }),
      );
    }
    // Before the answer this rejects the promise; after it, the body stream carries the error (a settled promise
    // ignores the second reject).
    req.on("error", (error) => reject(explain(error)));
    req.end(o.request?.body);
  });
}

function cappedBody(
  req: http.ClientRequest,
  res: IncomingMessage,
  maxBytes: number,
  declaredLength: number | undefined,
  explain: (error: unknown) => GuardedFetchError,
): Readable {
  const body = byteCap({ maxBytes, expectedBytes: declaredLength });
  let ended = false;
  res.on("end", () => {
    ended = true;
  });
  // res.pipe does not forward errors: a timeout (the signal destroys req, then res) or a reset must fail the body.
  res.on("error", (error) => body.destroy(explain(error)));
  res.on("close", () => {
    if (!ended && !body.destroyed) body.destroy(explain(new GuardedFetchError("network", "the connection closed before the whole file arrived")));
  });
  req.on("error", (error) => body.destroy(explain(error)));
  // Whoever stops reading (a consumer's error, the cap) must free the socket too.
  body.on("close", () => req.destroy());
  res.pipe(body);
  return body;
}

const tooLarge = (maxBytes: number) =>
  new GuardedFetchError("too_large", `the file is larger than the limit of ${maxBytes} bytes`);
