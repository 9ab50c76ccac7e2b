import { inPrefix, parseIp } from "@/lib/outbound/ip-address";

// Which addresses the app may connect to when fetching an outside URL. Anything that is not plainly public unicast is
// refused: a provider URL that resolves to our own network (metadata service, database, admin ports) is an SSRF
// attempt or a misconfiguration, never a real image host.

type Range = readonly [network: readonly number[], prefixBits: number];

const BLOCKED_V4: readonly Range[] = [
  [[0, 0, 0, 0], 8], // "this network", including the unspecified 0.0.0.0
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local, where cloud metadata services live
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, including broadcast 255.255.255.255
];

// IPv6 ranges that carry an IPv4 address (and so reach whatever that IPv4 address reaches): the embedded address
// decides. Offset is the byte where the IPv4 address starts.
const EMBEDS_V4: readonly [network: readonly number[], prefixBits: number, offset: number][] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 12], // IPv4-mapped ::ffff:a.b.c.d
  [[0, 0x64, 0xff, 0x9b], 96, 12], // NAT64 64:ff9b::a.b.c.d
  [[0x20, 0x02], 16, 2], // 6to4 2002:aabb:ccdd::
];

// Inside global unicast (2000::/3) these are still not real internet hosts.
const BLOCKED_V6: readonly Range[] = [
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo tunnels (can reach private IPv4 through a relay)
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x3f, 0xff], 20], // documentation
];

function blockedV4(bytes: Uint8Array): boolean {
  return BLOCKED_V4.some(([network, bits]) => inPrefix(bytes, network, bits));
}

/**
 * True when the app must not connect to `address`. Unparseable input counts as blocked. IPv6 is allowed only in
 * global unicast (2000::/3), which leaves out ::, ::1, fc00::/7, fe80::/10, fec0::/10, ff00::/8 and friends.
 */
export function isBlockedAddress(address: string): boolean {
  const ip = parseIp(address);
  if (!ip) return true;
  if (ip.version === 4) return blockedV4(ip.bytes);
  for (const [network, bits, offset] of EMBEDS_V4) {
    if (inPrefix(ip.bytes, network, bits)) return blockedV4(ip.bytes.subarray(offset, offset + 4));
  }
  if (!inPrefix(ip.bytes, [0x20], 3)) return true;
  return BLOCKED_V6.some(([network, bits]) => inPrefix(ip.bytes, network, bits));
}
