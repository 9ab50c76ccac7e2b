import { createHmac, timingSafeEqual } from "node:crypto";

// Every webhook URL we hand a provider carries `?cid=<correlationId>&token=<HMAC(secret, cid)>`.
// For Kling and Runware, which sign nothing, the token is the only proof a delivery came through a URL we issued
// (providers.md §1.8, §3.5); for signed providers it also names the job before the provider's task id is stored.
// A valid token proves the URL, not the body: callers must still confirm status with getStatus for unsigned
// providers before recording anything.

export function webhookToken(options: { secret: string; correlationId: string }): string {
  return createHmac("sha256", options.secret).update(`webhook:${options.correlationId}`).digest("base64url");
}

export function addWebhookToken(options: { url: string; secret: string; correlationId: string }): string {
  const url = new URL(options.url);
  url.searchParams.set("cid", options.correlationId);
  url.searchParams.set("token", webhookToken(options));
  return url.toString();
}

export function readWebhookToken(options: { url: string; secret: string }): { ok: true; correlationId: string } | { ok: false } {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return { ok: false };
  }
  const correlationId = url.searchParams.get("cid");
  const token = url.searchParams.get("token");
  if (!correlationId || !token) return { ok: false };
  const expected = Buffer.from(webhookToken({ secret: options.secret, correlationId }));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true, correlationId } : { ok: false };
}

/** The webhook URL a submit hands its provider: ours with the token added, or none when the studio polls. */
export function tokenedWebhookUrl(request: { webhookUrl?: string; correlationId: string }, secret: string): string | undefined {
  return request.webhookUrl ? addWebhookToken({ url: request.webhookUrl, secret, correlationId: request.correlationId }) : undefined;
}
