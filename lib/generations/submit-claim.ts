import { pgPool } from "@/lib/db-pool";
import { env } from "@/lib/env";
import type { Generation } from "@/lib/generated/prisma/client";
import { PROVIDER_IDS, type ProviderId } from "@/lib/kling/providers";
import { EVENTS_CHANNEL } from "@/lib/events/studio-event";
import { eventPayload } from "@/lib/events/publish-event";
import { statusesBefore } from "@/lib/generations/status-order";

// The submit claim: what makes a generation sent to its provider at most once (AGENTS.md "Sending to the provider").
// It is the generation's `submittedAt` while its status is still "queued" (the column's documented meaning in
// prisma/schema.prisma): taken by claimProviderSlot (or loadAndClaimSubmission, the same SQL function), given back only
// by releaseSubmitClaim's compare-and-swap, and ended by markSubmitted, which moves the row to "submitted" (from then on
// `submittedAt` is when the provider accepted it).

/**
 * How long a submit claim protects the attempt holding it: longer than any attempt takes (the provider call times out
 * after 30 s; reading inputs and recording the answer add little). An attempt that finds a younger claim leaves the
 * generation to its holder, which either records the submit or schedules what follows; an older claim's holder is
 * taken to be dead and the claim is reconciled. The sweeper re-enqueues anything queued and untouched for a minute.
 */
export const CLAIM_LEASE_MS = 60_000;

function limitFor(provider: ProviderId): number {
  const entry = env().PROVIDER_CONCURRENCY.split(",").map((p) => p.trim().split("=")).find(([name]) => name === provider);
  return Number(entry?.[1]) || 10;
}

/** Every provider's in-flight limit, for a query that claims a slot for a generation whose provider it reads itself. */
export function providerLimits(): Record<ProviderId, number> {
  return Object.fromEntries(PROVIDER_IDS.map((p) => [p, limitFor(p)])) as Record<ProviderId, number>;
}

/**
 * Takes one of the credential's in-flight slots for this generation, shared by every process (the claim sets
 * submittedAt while the job is still queued, to `claimedAt`). Kling counts images against its concurrency, the others
 * count jobs. Returns true when this call claimed it, false when the credential is full (try again shortly), and null
 * when it is not claimable: gone, no longer queued, or claimed already by another attempt — the claim is exclusive, so
 * at most one attempt at a time may send a generation (prisma/migrations/20261124070000_exclusive_submit_claim). The
 * lock, count and claim are one SQL function on the plain pool (lib/db-pool.ts): one round trip on the submit path.
 */
export async function claimProviderSlot(options: {
  generation: Pick<Generation, "id" | "provider">;
  credentialId: string | null;
  claimedAt: Date;
}): Promise<boolean | null> {
  const { generation, credentialId, claimedAt } = options;
  const { rows } = await pgPool().query<{ claimed: boolean | null }>({
    name: "claim-provider-slot",
    text: "SELECT claim_provider_slot($1, $2::text, $3::int, $4::timestamp) AS claimed",
    values: [generation.id, credentialId, limitFor(generation.provider), claimedAt.toISOString()],
  });
  return rows[0]?.claimed ?? null;
}

/**
 * Gives back a queued generation's submit claim — the one claimed at `claimedAt`, and only that one: a compare-and-swap,
 * so an attempt that has outlived its lease can never release the claim of the attempt that took over from it.
 * Returns whether it released anything.
 */
export async function releaseSubmitClaim(options: { generationId: string; claimedAt: Date }): Promise<boolean> {
  const { rowCount } = await pgPool().query({
    name: "generation-release-submit-claim",
    text: `UPDATE "Generation" SET "submittedAt" = NULL WHERE id = $1 AND status = 'queued' AND "submittedAt" = $2::timestamp`,
    values: [options.generationId, options.claimedAt.toISOString()],
  });
  return rowCount === 1;
}

// transitionGeneration's move to "submitted" as one raw statement: the conditional update and its event's NOTIFY
// together, the NOTIFY only when the update moved the row. It ends every submit, so it is worth the plain pool
// (lib/db-pool.ts; BENCHMARKS.md "Submit overhead").
const MARK_SUBMITTED = {
  name: "generation-mark-submitted",
  text: `WITH moved AS (
           UPDATE "Generation" SET status = 'submitted', "providerTaskId" = $2, "submittedAt" = $3::timestamp, "updatedAt" = $3::timestamp
            WHERE id = $1 AND status = ANY($4::"GenerationStatus"[]) RETURNING id)
         SELECT pg_notify($5, $6) FROM moved`,
};

/**
 * Records that the provider accepted the job as `providerTaskId`. Like transitionGeneration, a no-op (false) when the
 * generation has already moved on — a cancel or a webhook got there first — so racing workers can't both win.
 */
export async function markSubmitted(options: { generationId: string; projectId: string; providerTaskId: string }): Promise<boolean> {
  const { generationId, projectId, providerTaskId } = options;
  const event = eventPayload({ type: "generation.status", projectId, generationId, status: "submitted" });
  const { rowCount } = await pgPool().query({
    ...MARK_SUBMITTED,
    values: [generationId, providerTaskId, new Date().toISOString(), statusesBefore("submitted"), EVENTS_CHANNEL, event],
  });
  return rowCount === 1;
}
