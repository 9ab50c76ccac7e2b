import { can, type Permission } from "@/lib/auth/permissions";
import type { Caller } from "@/lib/http/caller";

// A key acts as a viewer (read) or an editor (read_write); money is owners' and admins' business, so reading spend,
// setting budgets and caps, and setting where spend alerts go are opt-in scopes a key is created with. A scope never lifts a key above its creator's
// current role: a key whose creator was demoted to editor loses them.
export const API_KEY_SCOPES = ["spend:read", "budgets:write", "alerts:write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  "spend:read": ["spend.read"],
  "budgets:write": ["budget.manage"],
  // Alert settings, the webhook's secret and test deliveries; reading them (and the deliveries) is spend:read.
  "alerts:write": ["spend_alert.manage"],
};

/** True when the caller is an API key whose scopes grant the permission and whose creator holds it now. */
export function scopeGrants(caller: Caller, permission: Permission): boolean {
  if (caller.kind !== "apiKey") return false;
  const granted = caller.scopes.some((scope) => SCOPE_PERMISSIONS[scope as ApiKeyScope]?.includes(permission));
  return granted && can(caller.creatorRole, permission);
}
