import { createHmac, timingSafeEqual } from "node:crypto";
import type { Credentials, Verdict } from "@/scripts/stack/verify-sigv4";

// S3's browser upload (POST Object with a V4-signed policy) for the embedded S3 server's front: s3rver stores any
// POST it gets, unsigned or not, and checks no condition. Like S3 this verifies the policy's signature with the stack's
// key, its expiry, and every condition against the form's fields and the file's size, so the studio's presigned POSTs
// (lib/uploads/create-reference-upload.ts) behave here as they would on a real store.

export type PostForm = { fields: Map<string, string>; fileBytes: number | null };

/** The fields of a multipart/form-data body and the size of its `file` part (S3 ignores anything after the file). */
export function parseMultipart(body: Buffer, contentType: string): PostForm | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields = new Map<string, string>();
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const headerEnd = body.indexOf("\r\n\r\n", start);
    if (headerEnd < 0) return null;
    const headers = body.subarray(start, headerEnd).toString("utf8");
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return null;
    const content = body.subarray(headerEnd + 4, next - 2); // the CRLF before the delimiter is not content
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === "file") return { fields, fileBytes: content.length };
    if (name) fields.set(name.toLowerCase(), content.toString("utf8"));
    at = next;
  }
  return { fields, fileBytes: null };
}

export function verifyPostPolicy(form: PostForm, credentials: Credentials, bucket: string, now = Date.now()): Verdict {
  const get = (name: string) => form.fields.get(name.toLowerCase());
  const policy = get("policy");
  const signature = get("x-amz-signature");
  const credential = get("x-amz-credential");
  if (!policy || !signature || !credential || get("x-amz-algorithm") !== "AWS4-HMAC-SHA256") {
    return { ok: false, reason: "Anonymous access is not allowed: sign the request" };
  }
  if (form.fileBytes === null) return { ok: false, reason: "POST requires exactly one file upload per request" };
  const [accessKeyId, scopeDate, region, service, terminator] = credential.split("/");
  if (accessKeyId !== credentials.accessKeyId) return { ok: false, reason: "The AWS Access Key Id you provided does not exist in our records" };
  if (!scopeDate || !region || service !== "s3" || terminator !== "aws4_request") return { ok: false, reason: "Malformed credential scope" };
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, scopeDate);
  for (const part of [region, "s3", "aws4_request"]) key = hmac(key, part);
  const expected = hmac(key, policy);
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "The request signature we calculated does not match the signature you provided" };
  }
  let document: { expiration?: string; conditions?: unknown[] };
  try {
    document = JSON.parse(Buffer.from(policy, "base64").toString("utf8")) as typeof document;
  } catch {
    return { ok: false, reason: "Invalid Policy: Invalid JSON." };
  }
  if (!document.expiration || !(Date.parse(document.expiration) > now)) return { ok: false, reason: "Invalid according to Policy: Policy expired." };
  for (const condition of document.conditions ?? []) {
    const failed = checkCondition(condition, form, bucket);
    if (failed) return { ok: false, reason: `Invalid according to Policy: Policy Condition failed: ${failed}` };
  }
  return { ok: true };
}

function checkCondition(condition: unknown, form: PostForm, bucket: string): string | null {
  const value = (name: string) => (name.toLowerCase() === "bucket" ? bucket : (form.fields.get(name.toLowerCase()) ?? ""));
  if (Array.isArray(condition)) {
    const [op, a, b] = condition as [string, unknown, unknown];
    if (op === "content-length-range") {
      const size = form.fileBytes ?? -1;
      return size >= Number(a) && size <= Number(b) ? null : `["content-length-range", ${String(a)}, ${String(b)}]`;
    }
    const field = String(a).replace(/^\$/, "");
    if (op === "eq") return value(field) === String(b) ? null : `["eq", "$${field}", "${String(b)}"]`;
    if (op === "starts-with") return value(field).startsWith(String(b)) ? null : `["starts-with", "$${field}", "${String(b)}"]`;
    return `unknown operator ${op}`;
  }
  if (condition && typeof condition === "object") {
    for (const [field, want] of Object.entries(condition)) if (value(field) !== String(want)) return `["eq", "$${field}", "${String(want)}"]`;
    return null;
  }
  return "malformed condition";
}

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
