import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { GuardedFetchError } from "@/lib/storage/guarded-fetch-error";
import { isBlockedAddress } from "@/lib/storage/ip-policy";

// One HTTP exchange of a guarded download: no redirect following, no connection reuse (every connection goes through
// the lookup again), and the body read with a hard byte cap.

export type Hop =
  | { kind: "redirect"; status: number; location: string | undefined }
  | { kind: "response"; status: number; headers: IncomingHttpHeaders; body: Buffer };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function guardedRequest(url: URL, o: { lookup?: LookupFunction; maxBytes: number; signal: AbortSignal }): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      if (o.signal.aborted) return reject(new GuardedFetchError("timeout", "the download took too long"));
      if (error instanceof GuardedFetchError) return reject(error);
      reject(new GuardedFetchError("network", error instanceof Error ? error.message : "network error"));
    };
    const client = url.protocol === "https:" ? https : http;
    const headers = { accept: "image/*, */*;q=0.5", "accept-encoding": "identity", "user-agent": "AssetStudio/1 ingest" };
    const req = client.request(url, { method: "GET", agent: false, lookup: o.lookup, signal: o.signal, headers }, (res) => {
      const status = res.statusCode ?? 0;
      const stop = (result: Hop | GuardedFetchError) => {
        req.destroy();
        if (result instanceof GuardedFetchError) fail(result);
        else resolve(result);
      };
      if (REDIRECTS.has(status)) return stop({ kind: "redirect", status, location: res.headers.location });
      if (status < 200 || status > 299) return stop(new GuardedFetchError("http_error", `the server answered HTTP ${status}`, status));

      const declared = res.headers["content-length"] === undefined ? undefined : Number(res.headers["content-length"]);
      if (declared !== undefined && declared > o.maxBytes) return stop(tooLarge(o.maxBytes));
      // With a declared length the bytes land in one preallocated buffer: no chunk list, no concat copy.
      const body = declared !== undefined && Number.isSafeInteger(declared) ? Buffer.allocUnsafe(declared) : undefined;
      const chunks: Buffer[] = [];
      let received = 0;
      let ended = false;
      res.on("data", (chunk: Buffer) => {
        if (received + chunk.length > (body?.length ?? o.maxBytes)) return stop(tooLarge(o.maxBytes));
        if (body) chunk.copy(body, received);
        else chunks.push(chunk);
        received += chunk.length;
      });
      res.on("end", () => {
        ended = true;
        if (body && received !== body.length) return fail(new GuardedFetchError("network", "the connection closed before the whole file arrived"));
        resolve({ kind: "response", status, headers: res.headers, body: body ?? Buffer.concat(chunks, received) });
      });
      res.on("error", fail);
      res.on("close", () => {
        if (!ended) fail(new GuardedFetchError("network", "the connection closed before the whole file arrived"));
      });
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
    req.on("error", fail);
    req.end();
  });
}

const tooLarge = (maxBytes: number) =>
  new GuardedFetchError("too_large", `the file is larger than the limit of ${maxBytes} bytes`);
