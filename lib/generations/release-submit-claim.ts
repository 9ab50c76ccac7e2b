import { pgPool } from "@/lib/db-pool";

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
