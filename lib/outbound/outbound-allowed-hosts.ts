import { env } from "@/lib/env";

// Hosts that skip the address policy: internal services we fetch from on purpose (the provider simulator on
// 127.0.0.1 in development and tests, a MinIO on the private network). Configuration, never a code branch.

/** Entries as "hostname:port" or bare "hostname" (any port), lowercased, IPv6 in brackets. */
export function outboundAllowedHosts(): string[] {
  const e = env();
  const hosts = e.OUTBOUND_ALLOWED_HOSTS.split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (e.SIMULATOR_URL) hosts.push(hostWithPort(new URL(e.SIMULATOR_URL)));
  return hosts;
}

/** "hostname:port" with the scheme's default port spelled out, so "https://a.com" and "a.com:443" compare equal. */
export function hostWithPort(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.toLowerCase()}:${port}`;
}

export function isAllowedHost(url: URL, allowed: readonly string[]): boolean {
  const withPort = hostWithPort(url);
  return allowed.some((entry) => entry === withPort || entry === url.hostname.toLowerCase());
}
