import type { IncomingHttpHeaders } from "node:http";
import { finished, type Readable } from "node:stream";
import { env } from "@/lib/env";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { guardedLookup } from "@/lib/outbound/guarded-lookup";
import { guardedRequest, type OutboundRequest } from "@/lib/outbound/guarded-request";
import { isBlockedAddress } from "@/lib/outbound/ip-policy";
import { parseIp } from "@/lib/outbound/ip-address";
import { isAllowedHost, outboundAllowedHosts } from "@/lib/outbound/outbound-allowed-hosts";

// The only way the app fetches an outside URL (provider outputs, reference images given as URLs); guardedFetch is
// this plus reading the body into memory. Provider URLs are attacker-influenced input: a hostile or compromised
// provider, or a user-supplied reference URL, could point us at our own network. So every hop is re-validated, on
// the address the socket actually connects to.

export type GuardedStreamResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  /** Capped at maxBytes; fails with a GuardedFetchError (too_large, timeout, network) if the download goes wrong. */
  body: Readable;
  /** The server's Content-Length, when it sent a usable one; the body is checked to be exactly this long. */
  declaredLength: number | undefined;
  url: string;
};

export type GuardedFetchOptions = {
  /** Defaults to OUTBOUND_MAX_DOWNLOAD_BYTES. */
  maxBytes?: number;
  /** For the whole download, redirects and body included; defaults to OUTBOUND_TIMEOUT_MS. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** host or host:port entries that skip the address policy; defaults to the configured ones. */
  allowedHosts?: readonly string[];
  /** Send this instead of a GET (redirects are then not followed: pass maxRedirects 0). */
  request?: OutboundRequest;
};

/** Resolves once a 2xx answer's headers arrive; the caller must consume or destroy `body`. */
export async function guardedStream(input: string, options: GuardedFetchOptions = {}): Promise<GuardedStreamResponse> {
  const maxBytes = options.maxBytes ?? env().OUTBOUND_MAX_DOWNLOAD_BYTES;
  const timeoutMs = options.timeoutMs ?? env().OUTBOUND_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? 5;
  const allowed = options.allowedHosts ?? outboundAllowedHosts();
  const controller = new AbortController();
  // The timer outlives this function: it still bounds the body, and is cleared once the body is done either way.
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = toUrl(input);
    for (let redirects = 0; ; redirects++) {
      const trusted = isAllowedHost(url, allowed);
      const literal = parseIp(url.hostname);
      // The lookup never runs for an IP literal, so literals are judged here.
      if (!trusted && literal && isBlockedAddress(url.hostname))
        throw new GuardedFetchError("blocked_address", `${url.hostname} is not a public address`);
      const hop = await guardedRequest(url, { lookup: trusted ? undefined : guardedLookup, maxBytes, signal: controller.signal, request: options.request });
      if (hop.kind === "response") {
        finished(hop.body, () => clearTimeout(timer));
        return { status: hop.status, headers: hop.headers, body: hop.body, declaredLength: hop.declaredLength, url: url.toString() };
      }
      if (!hop.location) throw new GuardedFetchError("http_error", `HTTP ${hop.status} redirect without a Location`, hop.status);
      if (redirects >= maxRedirects) throw new GuardedFetchError("http_error", `more than ${maxRedirects} redirects`, hop.status);
      url = toUrl(hop.location, url);
    }
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
}

function toUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new GuardedFetchError("bad_url", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new GuardedFetchError("bad_url", `${url.protocol} URLs are not fetched`);
  // Credentials in a URL would be sent as Basic auth, and then to wherever a redirect points.
  if (url.username || url.password) throw new GuardedFetchError("bad_url", "URLs with credentials are not fetched");
  return url;
}
