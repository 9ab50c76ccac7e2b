import { pgPool } from "@/lib/db-pool";
import { createId } from "@/lib/ids";
import { isProviderId } from "@/lib/kling/providers";
import type { HeadersLike, WebhookRejection } from "@/lib/providers/types";
import { cachedAdapter } from "@/lib/providers-config/cached-adapter";
import type { GenerationStatus } from "@/lib/generated/prisma/enums";
import { isTerminal } from "@/lib/generations/status-order";
import { wakeDrain } from "@/lib/webhooks/wake-drain";

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

// Raw SQL through `pg` rather than Prisma, and named (prepared once per connection): this runs for every delivery,
// and two plain round trips are the whole database cost (BENCHMARKS.md "Webhook ingest"). Exported for the
// benchmark's step-by-step profile (tests/bench/webhook-ingest.ts).
// The generation and the team's credential for its provider in one lookup: the credential row's content keys the
// adapter cache (lib/providers-config/cached-adapter.ts), so a changed key is seen at once.
export const WEBHOOK_LOOKUP_SQL = {
  name: "webhook-lookup",
  text: `SELECT g.id, g."teamId", g.provider::text AS provider, g.status::text AS status,
                c.id AS "credentialId", c.encrypted, c."keyVersion"
           FROM "Generation" g
           LEFT JOIN "ProviderCredential" c ON c."teamId" = g."teamId" AND c.provider = g.provider
          WHERE g."correlationId" = $1`,
};
// Stored once per (provider, eventKey): a redelivery inserts nothing and is answered as a duplicate without an
// exception. An event for a generation that has already finished is stored as processed: no sync could change it
// (status only moves forward), so the worker's drain never has to touch it.
export const WEBHOOK_INSERT_SQL = {
  name: "webhook-insert",
  // Timestamps as UTC wall time whatever the session's TimeZone (the columns are `timestamp` holding UTC, as Prisma
  // writes them): the column default and a bare now() would store the server's local time.
  text: `INSERT INTO "WebhookEvent" (id, provider, "eventKey", "generationId", payload, "receivedAt", "processedAt")
         VALUES ($1, $2::"Provider", $3, $4, $5::jsonb, now() AT TIME ZONE 'UTC', CASE WHEN $6::boolean THEN now() AT TIME ZONE 'UTC' END)
         ON CONFLICT (provider, "eventKey") DO NOTHING`,
};

export type WebhookLookupRow = { id: string; teamId: string; provider: string; status: string; credentialId: string | null; encrypted: string | null; keyVersion: number | null };

/**
 * Verifies a provider webhook against the raw body, stores it once (unique provider + event key: a redelivery is
 * acknowledged and ignored) and wakes the worker's drain, which queues a sync that asks the provider's status API before
 * anything is recorded. Shared by the custom server's fast path (scripts/server.ts) and the Next route.
 */
export async function receiveWebhook(options: { provider: string; rawBody: string; headers: HeadersLike; url: string }): Promise<WebhookOutcome> {
  const { provider, rawBody, headers, url } = options;
  if (!isProviderId(provider)) return { status: 404, body: { ok: false, reason: "unknown_provider" } };
  const correlationId = new URL(url).searchParams.get("cid");
  const pool = pgPool();
  const generation = correlationId ? (await pool.query<WebhookLookupRow>({ ...WEBHOOK_LOOKUP_SQL, values: [correlationId] })).rows[0] : undefined;
  if (!generation || generation.provider !== provider) return { status: 401, body: { ok: false, reason: "unknown_job" } };

  const credential =
    generation.credentialId && generation.encrypted !== null && generation.keyVersion !== null
      ? { id: generation.credentialId, encrypted: generation.encrypted, keyVersion: generation.keyVersion }
      : null;
  const adapter = cachedAdapter({ teamId: generation.teamId, provider, credential });
  const verified = await adapter.verifyWebhook({ headers, rawBody, url, now: new Date() });
  if (!verified.ok) return { status: REJECTION_STATUS[verified.reason], body: { ok: false, reason: verified.reason } };
  if (verified.correlationId !== correlationId) return { status: 401, body: { ok: false, reason: "bad_token" } };

  const payload = JSON.stringify(verified.payload ?? {});
  const finished = isTerminal(generation.status as GenerationStatus);
  const { rowCount } = await pool.query({ ...WEBHOOK_INSERT_SQL, values: [createId("webhookEvent"), provider, verified.eventKey, generation.id, payload, finished] });
  if (!rowCount) return { status: 200, body: { ok: true, duplicate: true } };
  // After the commit, so the drain always finds what it was woken for.
  if (!finished) wakeDrain();
  return { status: 200, body: { ok: true } };
}
