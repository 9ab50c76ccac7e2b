import { errorResponse } from "@/lib/http/respond";

// Next 16 hands route handlers `{ params: Promise<…> }`; every wrapper awaits it once and catches every error here.
export type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type Params = Record<string, string>;

export function route(fn: (request: Request, params: Params) => Promise<Response>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      return await fn(request, params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
