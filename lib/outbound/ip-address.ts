import { isIPv4, isIPv6 } from "node:net";

// Addresses as bytes, so range checks are plain prefix comparisons instead of string games that miss spellings
// like "::ffff:7f00:1", "0:0:0:0:0:ffff:127.0.0.1" or "[fe80::1%eth0]".

export type IpBytes = { version: 4 | 6; bytes: Uint8Array };

/** Parses an IPv4 or IPv6 literal (brackets and zone id allowed); null when it is not an IP address. */
export function parseIp(input: string): IpBytes | null {
  const text = input.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (isIPv4(text)) return { version: 4, bytes: Uint8Array.from(text.split(".").map(Number)) };
  if (!isIPv6(text)) return null;
  return { version: 6, bytes: parseIpv6(text) };
}

function parseIpv6(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let body = text;
  // A trailing dotted quad fills the last 32 bits.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (quad) {
    bytes.set(quad[1]!.split(".").map(Number), 12);
    body = body.slice(0, -quad[1]!.length) + "0:0";
  }
  const [head = "", tail] = body.split("::");
  const groups = (s: string) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const words = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  words.forEach((word, i) => {
    // The dotted quad was written already; its "0:0" placeholder must not overwrite it.
    if (quad && i >= 6) return;
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  return bytes;
}

/** True when the first `prefixBits` bits of `bytes` equal those of `network`. */
export function inPrefix(bytes: Uint8Array, network: readonly number[], prefixBits: number): boolean {
  for (let bit = 0; bit < prefixBits; bit += 8) {
    const remaining = Math.min(8, prefixBits - bit);
    const mask = (0xff << (8 - remaining)) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((network[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}
