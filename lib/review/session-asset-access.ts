import type { Permission } from "@/lib/auth/permissions";
import { getAssetOrThrow } from "@/lib/assets/get-assets-or-throw";
import { sessionCaller } from "@/lib/auth/current-user";

/** For server actions: the signed-in person's access to the asset named in the form, checked as the asset routes check it. */
export async function sessionAssetAccess(options: { assetId: string; permission: Permission }) {
  return getAssetOrThrow({ caller: await sessionCaller(), assetId: options.assetId, permission: options.permission });
}
