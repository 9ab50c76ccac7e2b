import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";

/** For routes that act on the signed-in person rather than a team (their profile, their team list). */
export function withSession(fn: (ctx: { request: Request; params: Params; userId: string }) => Promise<Response>) {
  return route(async (request, params) => {
    const caller = await authenticate(request, { allowApiKey: false });
    if (caller.kind !== "user") throw new Error("unreachable: session route authenticated an API key");
    return fn({ request, params, userId: caller.userId });
  });
}
