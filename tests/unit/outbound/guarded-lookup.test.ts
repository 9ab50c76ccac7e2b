import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { guardedLookup } from "@/lib/outbound/guarded-lookup";
import { GuardedFetchError } from "@/lib/outbound/guarded-fetch-error";

// dns.lookup answers IP literals itself, so these run offline and still go through the real resolver call.
const lookup = (host: string, all: boolean) =>
  new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
    guardedLookup(host, { all }, (error, address, family) => resolve({ error, address, family })),
  );

describe("guardedLookup", () => {
  it("answers in the shape the socket asked for: one address, or all of them", async () => {
    expect(await lookup("8.8.8.8", false)).toEqual({ error: null, address: "8.8.8.8", family: 4 });
    expect(await lookup("2606:4700:4700::1111", true)).toEqual({
      error: null,
      address: [{ address: "2606:4700:4700::1111", family: 6 }],
      family: undefined,
    });
  });

  it("refuses a name whose addresses include a blocked one", async () => {
    for (const host of ["localhost", "169.254.169.254", "::ffff:10.0.0.1"]) {
      const { error } = await lookup(host, true);
      expect(error, host).toBeInstanceOf(GuardedFetchError);
      expect((error as GuardedFetchError).kind).toBe("blocked_address");
    }
  });
});
