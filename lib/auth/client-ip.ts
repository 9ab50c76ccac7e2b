import { headers } from "next/headers";
import { env } from "@/lib/env";
import { PEER_HEADER, stampedPeer } from "@/lib/http/peer-stamp";

/**
 * The client's address for per-client limits and audit events. The chain is what X-Forwarded-For says (each proxy
 * appends the address it received from) followed by the socket's own address; with `hops` trusted proxies in front
 * (TRUSTED_PROXY_HOPS), the entry `hops` places left of the socket is the first one nobody but our own infrastructure
 * wrote. With none (the default), that is the socket itself and the header is ignored: anything in it is the client's
 * own claim. `peer` is null when the socket isn't known (plain `next start` / `next dev`, lib/http/peer-stamp.ts):
 * then, without a trusted proxy, the address is unknown (null) rather than whatever the client claims.
 */
export function clientIpFrom(options: { forwardedFor: string | null; peer: string | null; hops: number }): string | null {
  const { peer, hops } = options;
  const forwarded = (options.forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  let entry: string | undefined;
  if (peer) {
    const chain = [...forwarded, peer];
    entry = chain[chain.length - 1 - hops] ?? chain[0];
  } else if (hops > 0) {
    entry = forwarded[forwarded.length - hops] ?? forwarded[0];
  }
  return entry ? entry.replace(/^::ffff:/, "").slice(0, 64) : null;
}

/** The address of the request being handled (server action or route handler). */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientIpFrom({ forwardedFor: h.get("x-forwarded-for"), peer: stampedPeer(h.get(PEER_HEADER)), hops: env().TRUSTED_PROXY_HOPS });
}
