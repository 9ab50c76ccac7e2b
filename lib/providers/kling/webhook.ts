import { readWebhookToken } from "@/lib/providers/webhook-token";
import { parseJsonBody } from "@/lib/providers/headers";
import { field, str } from "@/lib/providers/http";
import { klingStatus } from "@/lib/providers/kling/status";
import type { WebhookRequest, WebhookVerification } from "@/lib/providers/types";

// Kling signs nothing (providers.md §1.8): the URL token proves the delivery used a URL we issued, the body's
// external_task_id must name the same job, and the body is only a hint — the caller re-reads the task.
export function verifyKlingWebhook(request: WebhookRequest, tokenSecret: string): WebhookVerification {
  const token = readWebhookToken({ url: request.url, secret: tokenSecret });
  if (!token.ok) return { ok: false, reason: "bad_token", message: "Missing or invalid webhook token" };
  const body = parseJsonBody(request.rawBody);
  const taskId = str(field(body, "task_id"));
  const status = str(field(body, "task_status"));
  if (!taskId || !status) return { ok: false, reason: "malformed", message: "Callback has no task_id/task_status" };
  const externalId = str(field(body, "task_info", "external_task_id"));
  if (externalId && externalId !== token.correlationId)
    return { ok: false, reason: "bad_token", message: "Callback is for a different job than its URL" };
  return {
    ok: true,
    // Kling calls back on every status change; a redelivery of the same change gets the same key.
    eventKey: `kling:${taskId}:${status}`,
    providerTaskId: taskId,
    correlationId: token.correlationId,
    hintStatus: klingStatus(status),
    confirmWithStatus: true,
    payload: body,
  };
}
