import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Generation } from "@/lib/generated/prisma/client";
import type { ProviderId } from "@/lib/kling/providers";

function limitFor(provider: ProviderId): number {
  const entry = env().PROVIDER_CONCURRENCY.split(",").map((p) => p.trim().split("=")).find(([name]) => name === provider);
  return Number(entry?.[1]) || 10;
}

/**
 * Takes one of the credential's in-flight slots for this generation, shared by every worker: a transaction advisory
 * lock per credential, a count of what is in flight, then the claim (submittedAt set while still queued). Kling
 * counts images against its concurrency, the others count jobs. Returns false when the credential is full.
 */
export async function claimProviderSlot(options: { generation: Generation; credentialId: string | null }): Promise<boolean> {
  const { generation, credentialId } = options;
  const provider = generation.provider;
  const limit = limitFor(provider);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`slots:${provider}:${credentialId ?? "server"}`}))`;
    const inFlight = await tx.generation.aggregate({
      where: {
        provider,
        providerCredentialId: credentialId,
        id: { not: generation.id },
        OR: [{ status: { in: ["submitted", "running"] } }, { status: "queued", submittedAt: { not: null } }],
      },
      _count: { _all: true },
      _sum: { numImages: true },
    });
    const used = provider === "kling" ? (inFlight._sum.numImages ?? 0) : inFlight._count._all;
    const mine = provider === "kling" ? generation.numImages : 1;
    // An empty credential always admits one job, even one larger than the limit, so nothing waits forever.
    if (used > 0 && used + mine > limit) return false;
    const { count } = await tx.generation.updateMany({
      where: { id: generation.id, status: "queued" },
      data: { submittedAt: new Date(), providerCredentialId: credentialId },
    });
    return count === 1;
  });
}
