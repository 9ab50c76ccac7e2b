// PostgreSQL's text and jsonb refuse two things JSON can carry: the NUL character (\u0000) and a lone UTF-16
// surrogate (jsonb refuses the "\ud800" escape JSON.stringify writes for it). Let through, either fails the insert
// as a 500; caught here, it is the client's 422 naming the field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path ("parameters.prompt", "references.0.url") of the first string, key or value, that can't be stored; else null. */
export function unstorableTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path.join(".") || "_" : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return [...path, key].join(".");
    const found = unstorableTextPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
