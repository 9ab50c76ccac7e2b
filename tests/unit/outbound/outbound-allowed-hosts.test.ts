import { describe, expect, it } from "vitest";
import { hostWithPort, isAllowedHost } from "@/lib/outbound/outbound-allowed-hosts";

describe("isAllowedHost", () => {
  it("matches host:port exactly, spelling out the scheme's default port", () => {
    expect(hostWithPort(new URL("https://CDN.example.com/a.png"))).toBe("cdn.example.com:443");
    expect(isAllowedHost(new URL("http://127.0.0.1:4010/x"), ["127.0.0.1:4010"])).toBe(true);
    expect(isAllowedHost(new URL("http://127.0.0.1:4011/x"), ["127.0.0.1:4010"])).toBe(false);
    expect(isAllowedHost(new URL("https://minio.internal/x"), ["minio.internal:443"])).toBe(true);
    expect(isAllowedHost(new URL("http://[::1]:9000/x"), ["[::1]:9000"])).toBe(true);
  });

  it("lets a bare host match any port, and nothing else match by suffix", () => {
    expect(isAllowedHost(new URL("http://minio.internal:9000/x"), ["minio.internal"])).toBe(true);
    expect(isAllowedHost(new URL("http://evil-minio.internal/x"), ["minio.internal"])).toBe(false);
    expect(isAllowedHost(new URL("http://minio.internal.evil.com/x"), ["minio.internal"])).toBe(false);
  });
});
