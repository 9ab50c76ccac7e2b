import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, PASSWORD_HASH_OPTIONS, hashPassword, verifyPassword } from "@/lib/auth/password";

// The dummy hash stands in for a missing account or share link so a refusal costs one real verify. It only does if
// it was made with the parameters real hashes use now (memory and passes set the verify's cost).
describe("the dummy password hash", () => {
  it("has the parameters, salt and output length of a hash made now", async () => {
    const params = (hash: string) => {
      const [, algorithm, version, costs, salt, output] = hash.split("$");
      return { algorithm, version, costs, salt: Buffer.from(salt!, "base64").length, output: Buffer.from(output!, "base64").length };
    };
    expect(params(DUMMY_PASSWORD_HASH)).toEqual(params(await hashPassword("anything")));
    expect(params(DUMMY_PASSWORD_HASH).costs).toBe(`m=${PASSWORD_HASH_OPTIONS.memoryCost},t=${PASSWORD_HASH_OPTIONS.timeCost},p=${PASSWORD_HASH_OPTIONS.parallelism}`);
  });

  it("is a real argon2 hash that a guess runs the whole verify against", async () => {
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "not-a-real-password")).toBe(true);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "wrong guess")).toBe(false);
  });
});
