import { pgPool } from "@/lib/db-pool";
import { env } from "@/lib/env";
import type { Generation } from "@/lib/generated/prisma/client";
import { PROVIDER_IDS, type ProviderId } from "@/lib/kling/providers";

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
