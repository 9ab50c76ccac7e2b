import { describe, expect, it } from "vitest";
import { parseJson, stringifyJson } from "@/lib/providers/json-text";

// Kling's `long` ids (829836802793406551 > 2^53) must cross the wire with every digit, both ways.
describe("provider JSON text", () => {
  it("writes a bigint as a bare JSON number and everything else as JSON.stringify does", () => {
    const body = { element_list: [{ element_id: 829836802793406551n }], n: 2, skip: undefined, s: 'q"1', nested: [1, null, true], at: new Date(0) };
    expect(stringifyJson(body)).toBe('{"element_list":[{"element_id":829836802793406551}],"n":2,"s":"q\\"1","nested":[1,null,true],"at":"1970-01-01T00:00:00.000Z"}');
    const plain = { ...body, element_list: [] };
    expect(stringifyJson(plain)).toBe(JSON.stringify(plain));
  });

  it("reads an integer beyond 2^53 as its exact digits, leaving strings, floats and small numbers alone", () => {
    const text = '{"data":{"task_id":867283741759111202,"element_id":829836802793406551,"n":9,"cost":0.028,"big":1e21,"msg":"id 829836802793406551 \\" x","neg":-9007199254740993}}';
    expect(parseJson(text)).toEqual({
      data: { task_id: "867283741759111202", element_id: "829836802793406551", n: 9, cost: 0.028, big: 1e21, msg: 'id 829836802793406551 " x', neg: "-9007199254740993" },
    });
    expect(() => parseJson("{oops")).toThrow(SyntaxError);
  });
});
