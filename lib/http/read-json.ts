import { AppError } from "@/lib/errors";
import { unstorableTextPath } from "@/lib/http/unstorable-text";

// Request bodies are capped so a client can't make us buffer arbitrary amounts of JSON: a declared length over the
// cap is refused before anything is read, and a body that runs past it (chunked, or lying about its length) is cut
// off as soon as it does.
export const MAX_JSON_BYTES = 1_000_000;

export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_JSON_BYTES) throw tooLarge();
  const text = await readCapped(request);
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const bad = unstorableTextPath(body);
  if (bad !== null) {
    throw new AppError("validation_failed", "Some fields are invalid.", { fields: { [bad]: "must not contain NUL characters or unpaired surrogates" } });
  }
  return body;
}

/** The body as text under the same cap (for form posts). */
export async function readCapped(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length")) > MAX_JSON_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge() {
  return new AppError("payload_too_large", `The request body is too large (at most ${MAX_JSON_BYTES / 1_000_000} MB).`);
}
