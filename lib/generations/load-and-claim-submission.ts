import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import type { Generation } from "@/lib/generated/prisma/client";
import type { CredentialRow } from "@/lib/providers-config/cached-adapter";
import { providerLimits } from "@/lib/generations/submit-claim";

export type Submission = Pick<
  Generation,
  "id" | "teamId" | "projectId" | "provider" | "mode" | "model" | "parameters" | "status" | "correlationId" | "submittedAt" | "deadlineAt"
>;

// Everything a submit attempt needs in one raw round trip (lib/db-pool.ts; BENCHMARKS.md "Submit overhead"): the
// generation, whether it has reference images or elements, the team's credential row for its provider (which keys
// the adapter cache, lib/providers-config/cached-adapter.ts) and — in the common case of a fresh queued job inside
// its deadline — its provider slot, claimed by the same claim_provider_slot the job would otherwise call next
// (`claimed` is null when that case doesn't hold and the job decides itself).
const LOAD_AND_CLAIM = {
  name: "generation-load-submission",
  text: `SELECT g.id, g."teamId", g."projectId", g.provider::text AS provider, g.mode::text AS mode, g.model, g.parameters,
                g.status::text AS status, g."correlationId", g."submittedAt", g."deadlineAt",
                EXISTS (SELECT 1 FROM "GenerationInput" WHERE "generationId" = g.id) AS "hasInputs",
                EXISTS (SELECT 1 FROM "GenerationElement" WHERE "generationId" = g.id) AS "hasElements",
                c.id AS "credentialId", c.encrypted, c."keyVersion",
                CASE WHEN g.status = 'queued' AND g."submittedAt" IS NULL AND (g."deadlineAt" IS NULL OR g."deadlineAt" >= $2::timestamp)
                     THEN claim_provider_slot(g.id, c.id, ($3::jsonb ->> g.provider::text)::int, $2::timestamp) END AS claimed
           FROM "Generation" g
           LEFT JOIN "ProviderCredential" c ON c."teamId" = g."teamId" AND c.provider = g.provider
          WHERE g.id = $1`,
};

type LoadRow = Submission & {
  hasInputs: boolean;
  hasElements: boolean;
  credentialId: string | null;
  encrypted: string | null;
  keyVersion: number | null;
  claimed: boolean | null;
};

/**
 * A generation as its submit job needs it, or null when it is gone, with `claimed` telling whether its provider slot
 * was just taken (true, at `now`, which is the claim's identity), the credential is full (false), or not (null): it
 * was not a fresh queued job inside its deadline, or another attempt claimed it between this statement's read and its
 * claim (the submit then finds that out by claiming once more).
 * Its reference images and elements, the rarer case, are read only when it has any.
 */
export async function loadAndClaimSubmission(generationId: string, now = new Date()) {
  const row = (await pgPool().query<LoadRow>({ ...LOAD_AND_CLAIM, values: [generationId, now.toISOString(), JSON.stringify(providerLimits())] })).rows[0];
  if (!row) return null;
  const { hasInputs, hasElements, credentialId, encrypted, keyVersion, claimed, ...generation } = row;
  const [inputs, elements] = await Promise.all([
    hasInputs ? db.generationInput.findMany({ where: { generationId }, include: { asset: true }, orderBy: { position: "asc" } }) : [],
    hasElements
      ? db.generationElement.findMany({ where: { generationId }, include: { elementVersion: { include: { element: true, providerRefs: true } } }, orderBy: { position: "asc" } })
      : [],
  ]);
  const credential: CredentialRow | null = credentialId && encrypted !== null && keyVersion !== null ? { id: credentialId, encrypted, keyVersion } : null;
  return { generation: generation as Submission, inputs, elements, credential, claimed };
}
