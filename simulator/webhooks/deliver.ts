import { randomUUID } from "node:crypto";
import type { Sim, WebhookDelivery } from "../core/sim";
import type { ForcedFault, ProviderName } from "../core/types";

export interface WebhookMessage {
  provider: ProviderName;
  jobId: string;
  url: string;
  event: string;
  body: string;
  forced?: readonly ForcedFault[];
  // Called per attempt: WaveSpeed and fal sign the attempt's timestamp, so retries carry fresh signatures.
  headers?: (body: string, attemptAt: number, webhookId: string) => Record<string, string>;
}

// Attempts per delivery. fal documents 10 retries; Runware retries with capped backoff; Kling and WaveSpeed do not
// document retries, so they get a modest 3. Delays are compressed (ms, not hours) so tests stay fast.
const MAX_ATTEMPTS: Record<ProviderName, number> = { kling: 3, wavespeed: 3, runware: 5, segmind: 1, fal: 10 };
const MAX_BACKOFF_MS = 8_000; // Runware's documented cap per step

export function sendWebhook(sim: Sim, message: WebhookMessage): void {
  const faults = sim.faults(message.provider);
  const forced = new Set(message.forced ?? []);
  const rng = sim.state.rng;
  const dropped = forced.has("webhook_drop") || rng.chance(faults.webhookDropRate);
  const duplicate = forced.has("webhook_duplicate") || rng.chance(faults.webhookDuplicateRate);
  // Reordering = holding a delivery back long enough for later ones to overtake it. Forced per request, the job's
  // first delivery is held (holding every delivery equally would reorder nothing); by rate, each one rolls.
  const first = !sim.state.deliveries.some((d) => d.provider === message.provider && d.jobId === message.jobId);
  const held = forced.has("webhook_reorder") ? first : rng.chance(faults.webhookReorderRate);
  const hold = held ? (faults.webhookReorderHoldMs ?? 400) : 0;
  const delayMs = (faults.webhookDelayMs ?? 0) + hold;
  const webhookId = randomUUID();
  const copies = duplicate ? (faults.webhookCopies ?? 2) : 1;
  for (let copy = 0; copy < copies; copy++) {
    const delivery: WebhookDelivery = {
      id: webhookId,
      provider: message.provider,
      jobId: message.jobId,
      url: message.url,
      event: message.event,
      body: message.body,
      headers: {},
      createdAt: Date.now(),
      delayMs: delayMs + copy * 50 + (faults.webhookJitterMs ? rng.int(faults.webhookJitterMs) : 0),
      duplicate: copy > 0,
      outcome: dropped ? "dropped" : "pending",
      attempts: [],
    };
    sim.state.deliveries.push(delivery);
    if (!dropped) sim.later(delivery.delayMs, () => void attempt(sim, message, delivery, 1));
  }
}

async function attempt(sim: Sim, message: WebhookMessage, delivery: WebhookDelivery, n: number): Promise<void> {
  const faults = sim.faults(message.provider);
  const at = Date.now();
  const headers = {
    "content-type": "application/json",
    "user-agent": `asset-studio-simulator/${message.provider}`,
    ...message.headers?.(message.body, at, delivery.id),
  };
  delivery.headers = headers;
  let status: number | undefined;
  let error: string | undefined;
  try {
    const response = await fetch(message.url, {
      method: "POST",
      headers,
      body: message.body,
      redirect: "manual", // a redirect is a failed delivery, as Standard Webhooks prescribes
      signal: AbortSignal.timeout(faults.webhookTimeoutMs ?? 5_000),
    });
    status = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  delivery.attempts.push({ at, status, error, durationMs: Date.now() - at });
  if (status !== undefined && status >= 200 && status < 300) {
    delivery.outcome = "delivered";
    return;
  }
  const maxAttempts = faults.webhookMaxAttempts ?? MAX_ATTEMPTS[message.provider];
  if (n >= maxAttempts) {
    delivery.outcome = "failed";
    return;
  }
  const backoff = Math.min((faults.webhookRetryBaseMs ?? 250) * 2 ** (n - 1), MAX_BACKOFF_MS);
  sim.later(backoff, () => void attempt(sim, message, delivery, n + 1));
}
