import type { Permission } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";
import { getCollectionOrThrow } from "@/lib/collections/get-collection-or-throw";

type Loaded = Awaited<ReturnType<typeof getCollectionOrThrow>>;

/** For /api/v1/collections/:collectionId/… routes: access follows the collection's project (session or API key). */
export function withCollection(permission: Permission, fn: (ctx: { request: Request; params: Params } & Loaded) => Promise<Response>) {
  return route(async (request, params) => {
    const caller = await authenticate(request, { allowApiKey: true });
    const loaded = await getCollectionOrThrow({ caller, collectionId: params.collectionId ?? "", permission });
    return fn({ request, params, ...loaded });
  });
}
