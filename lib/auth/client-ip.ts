import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address as the nearest trusted proxy saw it. Next sets X-Forwarded-For to the socket address only
 * when the request has none, and each proxy appends the address it received from, so the entry `hops` places from
 * the right is the first one nobody but our own infrastructure wrote. Anything left of it is client-controlled.
 */
export function clientIpFrom(forwardedFor: string | null, hops: number): string | null {
  const entries = (forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const entry = entries[entries.length - Math.max(1, hops)] ?? entries[0];
  return entry ? entry.replace(/^::ffff:/, "").slice(0, 64) : null;
}

/** The address of the request being handled (server action or route handler). */
export async function requestIp(): Promise<string | null> {
  return clientIpFrom((await headers()).get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS);
}
