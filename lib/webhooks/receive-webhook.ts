import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { isProviderId } from "@/lib/kling/providers";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookRejection } from "@/lib/providers/types";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";
import { enqueueSync } from "@/lib/generations/enqueue-pipeline";

export type WebhookOutcome = { status: number; body: { ok: boolean; reason?: string; duplicate?: boolean } };

// 401 for anything we cannot authenticate (nothing changes); 200 for authentic-but-malformed (redelivery would not
// help); 500 only to ask the provider to deliver again (e.g. its signing keys were unreachable).
const REJECTION_STATUS: Record<WebhookRejection, number> = {
  missing_headers: 401,
  bad_signature: 401,
  stale: 401,
  bad_token: 401,
  malformed: 200,
  unsupported: 404,
  keys_unavailable: 500,
};

/**
 * Verifies a provider webhook against the raw body, stores it once (unique provider + event key: a redelivery is
 * acknowledged and ignored) and queues a sync that asks the provider's status API before anything is recorded.
 */
export async function receiveWebhook(options: { provider: string; rawBody: string; headers: Headers; url: string }): Promise<WebhookOutcome> {
  const { provider, rawBody, headers, url } = options;
  if (!isProviderId(provider)) return { status: 404, body: { ok: false, reason: "unknown_provider" } };
  const correlationId = new URL(url).searchParams.get("cid");
  const generation = correlationId
    ? await db.generation.findUnique({ where: { correlationId }, select: { id: true, teamId: true, provider: true } })
    : null;
  if (!generation || generation.provider !== provider) return { status: 401, body: { ok: false, reason: "unknown_job" } };

  const { adapter } = await adapterForTeam({ teamId: generation.teamId, provider });
  const verified = await adapter.verifyWebhook({ headers, rawBody, url, now: new Date() });
  if (!verified.ok) return { status: REJECTION_STATUS[verified.reason], body: { ok: false, reason: verified.reason } };
  if (verified.correlationId !== correlationId) return { status: 401, body: { ok: false, reason: "bad_token" } };

  try {
    await db.webhookEvent.create({
      data: {
        id: createId("webhookEvent"),
        provider,
        eventKey: verified.eventKey,
        generationId: generation.id,
        payload: (verified.payload ?? {}) as Prisma.InputJsonValue,
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { status: 200, body: { ok: true, duplicate: true } };
    throw error;
  }
  await enqueueSync(generation.id);
  return { status: 200, body: { ok: true } };
}
