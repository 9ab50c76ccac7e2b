// JSON as the providers write it, without losing digits. Kling documents ids as `long` (element_id, e.g.
// 829836802793406551), beyond Number.MAX_SAFE_INTEGER: JSON.stringify cannot write such a number and JSON.parse
// rounds it. Node 20 has neither JSON.rawJSON nor the reviver's source text, so both directions are done here.

/** JSON.stringify for plain data, except that a bigint is written as the bare JSON number it holds. */
export function stringifyJson(value: unknown): string | undefined {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return stringifyJson(withToJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => stringifyJson(item) ?? "null").join(",")}]`;
  const members: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = stringifyJson(item);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(",")}}`;
}

// A string token (skipped whole, so digits inside strings are never touched) or a number token.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON.parse, except that an integer too large for a double keeps its digits, as a string: ids are compared and
 * sent back, never computed with, and every adapter already reads ids as strings.
 */
export function parseJson(text: string): unknown {
  const exact = text.replace(TOKENS, (token) =>
    token.startsWith('"') || /[.eE]/.test(token) || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
  );
  return JSON.parse(exact) as unknown;
}
