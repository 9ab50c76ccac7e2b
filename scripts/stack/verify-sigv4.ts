import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

// AWS Signature Version 4 as S3 checks it, for the embedded S3 server (s3rver serves unsigned requests and accepts
// any V4 signature that names a known key). Both forms the studio uses: the Authorization header (the SDK) and the
// query string of a presigned URL (what browsers get). The payload hash is taken as declared (as signed), not
// recomputed from the body: the point is that only holders of the secret key get in.

export type Credentials = { accessKeyId: string; secretAccessKey: string };
export type Verdict = { ok: true } | { ok: false; reason: string };

const ALGORITHM = "AWS4-HMAC-SHA256";
// AWS allows 15 minutes of clock skew for header-signed requests; presigned URLs carry their own expiry.
const MAX_SKEW_MS = 15 * 60_000;
const MAX_EXPIRES_S = 7 * 24 * 3600;

export function verifySigV4(req: IncomingMessage, credentials: Credentials, now = Date.now()): Verdict {
  const url = new URL(req.url ?? "/", "http://placeholder");
  const rawQuery = (req.url ?? "").includes("?") ? (req.url ?? "").slice((req.url ?? "").indexOf("?") + 1) : "";
  const query = parseQuery(rawQuery);
  const authorization = req.headers.authorization;
  const presigned = query.some(([k]) => k === "X-Amz-Algorithm");
  if (authorization && presigned) return { ok: false, reason: "Only one auth mechanism allowed" };

  let fields: { credential: string; signedHeaders: string; signature: string; amzDate: string; payloadHash: string };
  if (authorization) {
    const match = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim());
    if (!match) return { ok: false, reason: "Unsupported Authorization header (only AWS Signature Version 4)" };
    const amzDate = header(req, "x-amz-date");
    if (!amzDate) return { ok: false, reason: "Missing x-amz-date" };
    const at = parseAmzDate(amzDate);
    if (at === null || Math.abs(now - at) > MAX_SKEW_MS) return { ok: false, reason: "Request time too skewed" };
    fields = { credential: match[1]!, signedHeaders: match[2]!, signature: match[3]!, amzDate, payloadHash: header(req, "x-amz-content-sha256") ?? "" };
    if (!fields.payloadHash) return { ok: false, reason: "Missing x-amz-content-sha256" };
  } else if (presigned) {
    const get = (k: string) => query.find(([key]) => key === k)?.[1] ?? "";
    if (get("X-Amz-Algorithm") !== ALGORITHM) return { ok: false, reason: "Unsupported X-Amz-Algorithm" };
    const amzDate = get("X-Amz-Date");
    const expires = Number(get("X-Amz-Expires"));
    const at = parseAmzDate(amzDate);
    if (at === null || !Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_S) return { ok: false, reason: "Malformed presigned URL" };
    if (now > at + expires * 1000) return { ok: false, reason: "Request has expired" };
    if (at - now > MAX_SKEW_MS) return { ok: false, reason: "Request is not yet valid" };
    fields = { credential: get("X-Amz-Credential"), signedHeaders: get("X-Amz-SignedHeaders"), signature: get("X-Amz-Signature"), amzDate, payloadHash: "UNSIGNED-PAYLOAD" };
  } else {
    return { ok: false, reason: "Anonymous access is not allowed: sign the request" };
  }

  const [accessKeyId, scopeDate, region, service, terminator] = fields.credential.split("/");
  if (accessKeyId !== credentials.accessKeyId) return { ok: false, reason: "The AWS Access Key Id you provided does not exist in our records" };
  if (!scopeDate || !region || service !== "s3" || terminator !== "aws4_request" || !fields.amzDate.startsWith(scopeDate)) {
    return { ok: false, reason: "Malformed credential scope" };
  }
  const signedHeaders = fields.signedHeaders.split(";");
  if (!signedHeaders.includes("host")) return { ok: false, reason: "The host header must be signed" };
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(header(req, name) ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonicalQuery = query
    .filter(([k]) => !(presigned && k === "X-Amz-Signature"))
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [req.method, url.pathname, canonicalQuery, canonicalHeaders, fields.signedHeaders, fields.payloadHash].join("\n");
  const scope = `${scopeDate}/${region}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, fields.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, scopeDate);
  for (const part of [region, "s3", "aws4_request"]) key = hmac(key, part);
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(fields.signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "The request signature we calculated does not match the signature you provided" };
  }
  return { ok: true };
}

function header(req: IncomingMessage, name: string) {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

// Pairs as sent, decoded once ('+' is a literal plus in S3 signing, not a space).
function parseQuery(raw: string): Array<[string, string]> {
  if (!raw) return [];
  return raw.split("&").filter(Boolean).map((pair) => {
    const i = pair.indexOf("=");
    const [k, v] = i < 0 ? [pair, ""] : [pair.slice(0, i), pair.slice(i + 1)];
    return [safeDecode(k), safeDecode(v)];
  });
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function rfc3986(s: string) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function parseAmzDate(s: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

const sha256Hex = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
