import { AppError } from "@/lib/errors";
import { getHeader } from "@/lib/providers/headers";
import type { HeadersLike } from "@/lib/providers/types";
import { receiveWebhook, type WebhookOutcome } from "@/lib/webhooks/receive-webhook";

// Provider callbacks are small JSON documents; nothing larger than this is ever buffered.
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Everything a webhook request goes through before and around receiveWebhook, for both doors it can come in by: the
 * Next route (app/api/webhooks/[provider]/route.ts, a Fetch body) and `npm start`'s fast path
 * (lib/webhooks/serve-webhook.ts, a node:http IncomingMessage). Both are async iterables of byte chunks, so one reader
 * enforces one cap: a declared length over it is refused before a byte is read, and a body that runs past it (chunked,
 * or lying about its length) is abandoned at the chunk that does. Throws AppError; each door maps errors the same way.
 */
export async function answerWebhook(options: {
  provider: string;
  url: string;
  headers: HeadersLike;
  body: AsyncIterable<Uint8Array> | null;
}): Promise<WebhookOutcome> {
  const declared = Number(getHeader(options.headers, "content-length"));
  if (declared > MAX_WEBHOOK_BODY_BYTES) throw tooLarge();
  // The raw bytes as text: signatures are over these exact bytes.
  const rawBody = options.body ? await readCapped(options.body) : "";
  return receiveWebhook({ provider: options.provider, rawBody, headers: options.headers, url: options.url });
}

async function readCapped(body: AsyncIterable<Uint8Array>): Promise<string> {
  // The iterator by hand, and never its return(): leaving a for-await early would destroy a node request, and its
  // socket with it, before the 413 is sent. Left alone, the rest is unread (backpressure), and node:http discards it
  // once the answer has gone out, without buffering it.
  const chunks = body[Symbol.asyncIterator]();
  const kept: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await chunks.next();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BODY_BYTES) throw tooLarge();
    kept.push(value);
  }
  return Buffer.concat(kept).toString("utf8");
}

function tooLarge() {
  return new AppError("payload_too_large", "The webhook body is too large.");
}
