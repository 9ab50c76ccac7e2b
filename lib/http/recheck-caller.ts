import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { sessionCookie } from "@/lib/auth/session-cookie";
import type { Caller } from "@/lib/http/caller";

/**
 * The caller of a long-lived request (an event stream), authenticated again from the request's own credentials:
 * the key must still be usable (not revoked or expired, its creator still a member, with their role now), the session
 * must still exist (not signed out everywhere). Throws 401 otherwise. Works outside Next's request context (after
 * the handler has returned its streaming response), which `auth()` does not.
 */
export async function recheckCaller(request: Request, caller: Caller): Promise<Caller> {
  if (caller.kind === "apiKey") {
    const header = request.headers.get("authorization") ?? "";
    const fresh = await authenticateApiKey(header.slice("Bearer ".length).trim());
    if (fresh.keyId !== caller.keyId) throw new AppError("unauthorized", "That API key is not valid.");
    return fresh;
  }
  const token = readCookie(request.headers.get("cookie") ?? "", sessionCookie().name);
  const session = token ? await db.session.findUnique({ where: { sessionToken: token }, select: { userId: true, expires: true } }) : null;
  if (!session || session.userId !== caller.userId || session.expires <= new Date()) throw new AppError("unauthorized", "Sign in to continue.");
  return caller;
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
