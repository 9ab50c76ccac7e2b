import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./types";
import { parseJsonText, stringifyJsonText } from "./json-text";

const MAX_BODY_BYTES = 50 * 1024 * 1024; // base64 reference images are large but bounded (10 MB each, ≤10)

export class BodyError extends Error {}

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

// Parsed once and memoised: the pipeline and the handler may both need it.
export function lazyJsonBody(req: IncomingMessage): () => Promise<unknown> {
  let parsed: Promise<unknown> | undefined;
  return () => {
    parsed ??= readRawBody(req).then((raw) => {
      if (raw.length === 0) return undefined;
      try {
        return parseJsonText(raw.toString("utf8"));
      } catch {
        throw new BodyError("request body is not valid JSON");
      }
    });
    return parsed;
  };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | string | undefined;
  if (reply.raw !== undefined) payload = reply.raw;
  else if (reply.body !== undefined) {
    payload = stringifyJsonText(reply.body);
    headers["content-type"] ??= "application/json";
  }
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
