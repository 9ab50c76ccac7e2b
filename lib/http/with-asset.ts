import type { Permission } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/http/authenticate";
import { route, type Params } from "@/lib/http/route";
import { getAssetOrThrow } from "@/lib/assets/get-assets-or-throw";

type Loaded = Awaited<ReturnType<typeof getAssetOrThrow>>;

/** For /api/v1/assets/:assetId/… routes: access follows the asset's project (session or API key). */
export function withAsset(permission: Permission, fn: (ctx: { request: Request; params: Params } & Loaded) => Promise<Response>) {
  return route(async (request, params) => {
    const caller = await authenticate(request, { allowApiKey: true });
    const loaded = await getAssetOrThrow({ caller, assetId: params.assetId ?? "", permission });
    return fn({ request, params, ...loaded });
  });
}
