import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";

// Pure, but lives beside the sign-in limits it feeds.
describe("clientIpFrom", () => {
  it("takes the entry the trusted proxies wrote, not what the client claimed", () => {
    expect(clientIpFrom("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientIpFrom("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientIpFrom("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientIpFrom("::ffff:127.0.0.1", 1)).toBe("127.0.0.1");
  });

  it("falls back sensibly on short or missing headers", () => {
    expect(clientIpFrom("203.0.113.9", 3)).toBe("203.0.113.9");
    expect(clientIpFrom(null, 1)).toBeNull();
    expect(clientIpFrom("", 1)).toBeNull();
  });
});
