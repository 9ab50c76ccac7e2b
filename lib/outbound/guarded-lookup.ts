import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";
import { isBlockedAddress } from "@/lib/outbound/ip-policy";

/**
 * A DNS lookup for http.request that refuses the host when ANY resolved address is blocked. Checking inside the
 * lookup the socket actually uses (instead of resolving once beforehand) is what defeats DNS rebinding: there is no
 * second resolution that could answer differently.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked) {
      const refusal = new GuardedFetchError("blocked_address", `${hostname} resolves to ${blocked.address}, which is not a public address`);
      return callback(refusal, "");
    }
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: "ENOTFOUND" }), "");
    if (options.all) return callback(null, addresses);
    callback(null, first.address, first.family);
  });
};
