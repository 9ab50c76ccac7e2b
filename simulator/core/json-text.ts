// JSON with Kling's `long` ids intact (element_id 829836802793406551 is beyond 2^53). Node 20's JSON.parse rounds
// such a number and JSON.stringify refuses a bigint, so request bodies are read with integers too large for a
// double kept as bigint (schemas can then tell the documented number from a string of digits) and replies, webhook
// bodies and the control API write bigints back as bare JSON numbers.

const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const MARK = "\u0000bigint:";

export function parseJsonText(text: string): unknown {
  // Big integer literals become marked strings (a JSON string can't hold a raw NUL, so no real string collides),
  // then the reviver turns them into bigints.
  const marked = text.replace(TOKENS, (token) =>
    token.startsWith('"') || /[.eE]/.test(token) || Number.isSafeInteger(Number(token)) ? token : `"\\u0000bigint:${token}"`,
  );
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(MARK) ? BigInt(value.slice(MARK.length)) : value,
  ) as unknown;
}

export function stringifyJsonText(value: unknown): string {
  return write(value) ?? "null";
}

function write(value: unknown): string | undefined {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return write(withToJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? "null").join(",")}]`;
  const members: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = write(item);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(",")}}`;
}
