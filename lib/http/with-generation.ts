import type { Permission } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";
import { getGenerationOrThrow } from "@/lib/generations/get-generation-or-throw";

type Loaded = Awaited<ReturnType<typeof getGenerationOrThrow>>;

/** For /api/v1/generations/:generationId/… routes: access follows the generation's project. */
export function withGeneration(permission: Permission, fn: (ctx: { request: Request; params: Params } & Loaded) => Promise<Response>) {
  return route(async (request, params) => {
    const caller = await authenticate(request, { allowApiKey: true });
    const loaded = await getGenerationOrThrow({ caller, generationId: params.generationId ?? "", permission });
    return fn({ request, params, ...loaded });
  });
}
