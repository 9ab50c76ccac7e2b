import { readWebhookToken } from "@/lib/providers/webhook-token";
import { parseJsonBody } from "@/lib/providers/headers";
import { field, str } from "@/lib/providers/http";
import { runwareTaskUuid } from "@/lib/providers/runware/request";
import { runwareItemStatus } from "@/lib/providers/runware/status";
import { runwareErrorItems } from "@/lib/providers/runware/errors";
import type { WebhookRequest, WebhookVerification } from "@/lib/providers/types";

// Runware signs nothing and authenticates webhooks "through URL parameters" (providers.md §3.5): our token
// proves the URL, the body's taskUUID must be the one derived from the URL's job, and the body is a hint. One
// delivery per finished image; the payload is the flat task object (an `{data:[…]}`/`{errors:[…]}` envelope is
// accepted too).
export function verifyRunwareWebhook(request: WebhookRequest, tokenSecret: string): WebhookVerification {
  const token = readWebhookToken({ url: request.url, secret: tokenSecret });
  if (!token.ok) return { ok: false, reason: "bad_token", message: "Missing or invalid webhook token" };
  const body = parseJsonBody(request.rawBody);
  const data = field(body, "data");
  const item = Array.isArray(data) ? data[0] : body;
  const error = runwareErrorItems(body)[0];
  const taskUUID = str(field(item, "taskUUID")) ?? error?.taskUUID;
  if (!taskUUID) return { ok: false, reason: "malformed", message: "Webhook body has no taskUUID" };
  if (taskUUID !== runwareTaskUuid(token.correlationId))
    return { ok: false, reason: "bad_token", message: "Webhook is for a different job than its URL" };
  const imageUUID = str(field(item, "imageUUID"));
  const hintStatus = error ? "failed" : runwareItemStatus(item);
  return {
    ok: true,
    // Each image is its own event; a redelivery of the same image carries the same imageUUID.
    eventKey: `runware:${taskUUID}:${imageUUID ?? hintStatus}`,
    providerTaskId: taskUUID,
    correlationId: token.correlationId,
    hintStatus,
    confirmWithStatus: true,
    payload: body,
  };
}
