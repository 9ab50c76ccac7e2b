import type { ShareLink } from "@/lib/generated/prisma/client";
import { route, type Params } from "@/lib/http/route";
import { requireOpenShareLink } from "@/lib/share/find-share-link";
import { UNLOCK_COOKIE } from "@/lib/share/share-token";

/** The unlock cookie's value in a request's Cookie header, if any. */
export function unlockCookieOf(request: Request): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === UNLOCK_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/**
 * For the public routes under /s/:token: the token in the URL (plus the unlock cookie for a protected link) is the
 * only credential. Sessions and API keys mean nothing here, and every refusal about the link is the same 404.
 */
export function withShareLink(fn: (ctx: { request: Request; params: Params; link: ShareLink; token: string }) => Promise<Response>) {
  return route(async (request, params) => {
    const token = params.token ?? "";
    const link = await requireOpenShareLink({ token, unlock: unlockCookieOf(request) });
    return fn({ request, params, link, token });
  });
}

/** Writes from a share page must be JSON: a cross-site form can't send that without a CORS preflight we never allow. */
export function requireJsonRequest(request: Request) {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";
}
