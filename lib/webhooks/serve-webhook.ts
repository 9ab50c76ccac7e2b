import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { capturedSegment } from "@/lib/http/captured-segment";
import { AppError, errorBody, toAppError } from "@/lib/errors";
import { answerWebhook } from "@/lib/webhooks/answer-webhook";
import { log } from "@/lib/observability/log";

// The same public URL as app/api/webhooks/[provider]/route.ts (which Next still serves under plain `next start`).
// Exact path only: anything else (trailing slash, sub-paths) falls through to Next, which answers as it always has.
const WEBHOOK_PATH = /^\/api\/webhooks\/([^/?#]+)(?:\?|$)/;

/**
 * The custom server's fast path for provider webhooks (scripts/server.ts): answers `POST /api/webhooks/:provider` on
 * plain node:http with the same answerWebhook as the Next route (body cap included), skipping Next's ~2–2.5 ms of CPU per request
 * (BENCHMARKS.md). Returns false, touching nothing, for any other request, which the caller hands to Next.
 */
export function serveWebhook(options: { req: IncomingMessage; res: ServerResponse }): boolean {
  const { req, res } = options;
  const provider = capturedSegment(req, "POST", WEBHOOK_PATH);
  if (provider === null) return false;

  // Only the path and query matter to verification (the per-job token is in the query); the origin is ours.
  const url = new URL(req.url!, env().APP_URL).toString();
  answerWebhook({ provider, url, headers: req.headers, body: req }).then(
    (outcome) => send(res, outcome.status, outcome.body),
    (error: unknown) => {
      // As the route wrapper (lib/http/route.ts → errorResponse) does: log the unexpected, hide internals.
      const appError = toAppError(error);
      if (!(error instanceof AppError) && appError.code === "internal_error") log("api").error({ err: error }, "unhandled error");
      send(res, appError.status, errorBody(appError), appError.headers);
    },
  );
  return true;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}
