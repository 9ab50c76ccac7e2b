import { randomUUID } from "node:crypto";
import { errorResponse } from "@/lib/http/respond";
import { withLogContext } from "@/lib/observability/log-context";

// Next 16 hands route handlers `{ params: Promise<…> }`; every wrapper awaits it once and catches every error here.
export type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type Params = Record<string, string>;

export function route(fn: (request: Request, params: Params) => Promise<Response>) {
  return (request: Request, context: RouteContext): Promise<Response> => withLogContext({ requestId: requestIdOf(request) }, async () => {
    try {
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      return await fn(request, params);
    } catch (error) {
      return errorResponse(error);
    }
  });
}

/**
 * The id every log line of this request carries, and every job it enqueues: a proxy's X-Request-Id when it looks
 * like one (so its access log and ours join), else a new one.
 */
function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
}
