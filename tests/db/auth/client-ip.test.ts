import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { PEER_HEADER, stampPeer, stampedPeer } from "@/lib/http/peer-stamp";
import type { IncomingMessage } from "node:http";

// Pure, but lives beside the sign-in limits it feeds.
describe("clientIpFrom", () => {
  it("with no proxy configured, takes the socket and ignores what the client claims", () => {
    expect(clientIpFrom({ forwardedFor: "6.6.6.6", peer: "203.0.113.9", hops: 0 })).toBe("203.0.113.9");
    expect(clientIpFrom({ forwardedFor: null, peer: "::ffff:127.0.0.1", hops: 0 })).toBe("127.0.0.1");
    // Socket unknown (plain `next start`): unknown, never the client's claim.
    expect(clientIpFrom({ forwardedFor: "6.6.6.6", peer: null, hops: 0 })).toBeNull();
  });

  it("behind trusted proxies, takes the entry they wrote, not what the client claimed", () => {
    expect(clientIpFrom({ forwardedFor: "6.6.6.6, 203.0.113.9", peer: "10.0.0.1", hops: 1 })).toBe("203.0.113.9");
    expect(clientIpFrom({ forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", peer: "10.0.0.1", hops: 2 })).toBe("203.0.113.9");
    // Without the socket, the proxy's appended entry is the last one.
    expect(clientIpFrom({ forwardedFor: "6.6.6.6, 203.0.113.9", peer: null, hops: 1 })).toBe("203.0.113.9");
  });

  it("falls back sensibly on short or missing headers", () => {
    expect(clientIpFrom({ forwardedFor: null, peer: "203.0.113.9", hops: 3 })).toBe("203.0.113.9");
    expect(clientIpFrom({ forwardedFor: null, peer: null, hops: 1 })).toBeNull();
    expect(clientIpFrom({ forwardedFor: "", peer: null, hops: 1 })).toBeNull();
  });
});

describe("the server's peer stamp", () => {
  it("is believed only when this process stamped it", () => {
    expect(stampedPeer("0000 6.6.6.6")).toBeNull();
    const req = { headers: { [PEER_HEADER]: "forged 6.6.6.6" }, socket: { remoteAddress: "203.0.113.9" } } as unknown as IncomingMessage;
    stampPeer(req);
    expect(stampedPeer(req.headers[PEER_HEADER] as string)).toBe("203.0.113.9");
    expect(stampedPeer("forged 6.6.6.6")).toBeNull();
  });
});
