import { describe, expect, it } from "vitest";
import { isBlockedAddress } from "@/lib/outbound/ip-policy";
import { parseIp } from "@/lib/outbound/ip-address";

describe("isBlockedAddress", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["10.0.0.1", "private 10/8"],
    ["10.255.255.255", "private 10/8, last"],
    ["172.16.0.1", "private 172.16/12, first"],
    ["172.31.255.254", "private 172.16/12, last"],
    ["192.168.1.1", "private 192.168/16"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback, far end"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "CGNAT, first"],
    ["100.127.255.255", "CGNAT, last"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast (SSDP)"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "benchmarking"],
  ])("blocks IPv4 %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback, long form"],
    ["[::1]", "loopback in URL brackets"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with a zone id"],
    ["febf:ffff::1", "link-local, last /10"],
    ["fc00::1", "unique local fc00::/7"],
    ["fd12:3456:789a::1", "unique local fd"],
    ["ff02::1", "multicast"],
    ["fec0::1", "site-local (deprecated)"],
    ["2001:db8::1", "documentation"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["::7f00:1", "IPv4-compatible ::127.0.0.1"],
  ])("blocks IPv6 %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    ["::ffff:127.0.0.1", "mapped loopback, dotted"],
    ["::ffff:7f00:1", "mapped loopback, hex"],
    ["0:0:0:0:0:ffff:a00:1", "mapped 10.0.0.1, long form"],
    ["::ffff:169.254.169.254", "mapped metadata address"],
    ["::FFFF:192.168.0.1", "mapped private, upper case"],
    ["::ffff:100.64.0.1", "mapped CGNAT"],
    ["64:ff9b::10.0.0.1", "NAT64 of a private address"],
    ["2002:7f00:1::", "6to4 of loopback"],
    ["2002:c0a8:101::1", "6to4 of 192.168.1.1"],
  ])("blocks IPv6 that carries a blocked IPv4: %s (%s)", (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["172.15.255.255"],
    ["172.32.0.1"],
    ["100.63.255.255"],
    ["100.128.0.1"],
    ["192.169.0.1"],
    ["169.255.0.1"],
    ["2606:4700:4700::1111"],
    ["2a00:1450:4001:82b::200e"],
    ["::ffff:8.8.8.8"],
    ["64:ff9b::8.8.8.8"],
    ["2002:808:808::1"],
  ])("allows public %s", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it("treats anything that is not an IP address as blocked", () => {
    for (const input of ["", "localhost", "example.com", "1.2.3", "999.1.1.1", "::ffff:1.2.3.4.5", "gggg::1"]) {
      expect(isBlockedAddress(input), input).toBe(true);
    }
  });
});

describe("parseIp", () => {
  it("reads every IPv6 spelling to the same bytes", () => {
    const a = parseIp("::ffff:127.0.0.1")!.bytes;
    expect(parseIp("::ffff:7f00:1")!.bytes).toEqual(a);
    expect(parseIp("0:0:0:0:0:ffff:7f00:0001")!.bytes).toEqual(a);
    expect(Array.from(a.subarray(12))).toEqual([127, 0, 0, 1]);
    expect(Array.from(parseIp("1::")!.bytes)).toEqual([0, 1, ...new Array(14).fill(0)]);
  });
});
