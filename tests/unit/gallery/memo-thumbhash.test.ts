import { describe, expect, it } from "vitest";
import { memoThumbhash } from "@/app/(studio)/projects/[projectId]/_gallery/memo-thumbhash";

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe("memoThumbhash", () => {
  it("decodes each hash once, and again only after it was pushed out by newer ones", () => {
    const decoded: number[] = [];
    const first = memoThumbhash((bytes) => (decoded.push(bytes[0]!), `#${bytes[0]}`), 2);
    expect(first(b64([1]))).toBe("#1");
    expect(first(b64([1]))).toBe("#1");
    expect(decoded).toEqual([1]);
    first(b64([2]));
    first(b64([3])); // the cache holds 2: the oldest (1) goes
    first(b64([1]));
    expect(decoded).toEqual([1, 2, 3, 1]);
  });

  it("gives no placeholder, not an error, for a missing or undecodable hash", () => {
    const decode = memoThumbhash(() => {
      throw new Error("not a thumbhash");
    });
    expect(decode(null)).toBeUndefined();
    expect(decode("")).toBeUndefined();
    expect(decode(b64([9]))).toBeUndefined();
    expect(decode("%%%not base64")).toBeUndefined();
  });
});
