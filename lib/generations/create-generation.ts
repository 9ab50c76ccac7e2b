import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { pgPool } from "@/lib/db-pool";
import type { Generation, Prisma } from "@/lib/generated/prisma/client";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { checkGenerationInputs } from "@/lib/kling/inputs";
import { checkProviderSupport } from "@/lib/kling/check-provider-support";
import { estimateCost } from "@/lib/kling/estimate-cost";
import { modeToDb } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateGenerationInput } from "@/lib/generations/generation-schemas";
import { checkStoredReferences, resolveReferences, type ResolvedReference } from "@/lib/generations/resolve-references";
import { resolveElements } from "@/lib/generations/resolve-elements";
import { buildProviderInputs } from "@/lib/generations/build-provider-inputs";
import { checkSendToCollection } from "@/lib/generations/check-send-to-collection";
import { recordQueuedGeneration } from "@/lib/generations/record-queued-generation";
import { FALLBACK_PROVIDER } from "@/lib/providers-config/provider-route";
import { assertSameRequest, idempotencyOf, type Idempotency } from "@/lib/generations/idempotency";
import { env } from "@/lib/env";

/**
 * Validates a request against the catalog and the provider, then reserves its estimated cost against the project's
 * budget, records it as queued and enqueues its submit job — all or nothing. With an idempotency key, a retry
 * of the same request by the same caller returns the generation the first one created (lib/generations/idempotency.ts).
 */
export async function createGeneration(options: {
  access: TeamAccess;
  projectId: string;
  input: CreateGenerationInput;
  idempotencyKey?: string | null;
  /** What makes two requests with one Idempotency-Key the same request; the input and project unless given. */
  idempotentRequest?: unknown;
  rerunOfId?: string;
  /** Inputs already in our storage (a re-run), used instead of resolving `input.references`. */
  storedReferences?: ResolvedReference[];
  /** Element versions to send instead of the current ones, by position in `input.elementIds` (a re-run). */
  elementVersionIds?: string[];
  /**
   * A check that must pass before anything is written (the caller's rate limit), already started: it is awaited
   * alongside this function's own reads rather than before them, which saves a round trip on every submit.
   */
  admit?: Promise<unknown>;
}) {
  const { access, projectId, input } = options;
  const idempotency = idempotencyOf({ caller: access.caller, key: options.idempotencyKey, request: options.idempotentRequest ?? { projectId, input } });
  const idempotencyKey = idempotency?.storedKey ?? null;
  // One round trip for everything the checks need to read, with the admission check (its failure is set aside so a
  // replay is still answered with the first result).
  const [context, refused] = await Promise.all([
    pgPool().query<SubmitContext>({ ...SUBMIT_CONTEXT, values: [access.teamId, projectId, idempotencyKey] }).then((r) => r.rows[0]!),
    options.admit?.then(() => null, (error: unknown) => error),
  ]);
  if (context.replayOf) return replay(projectId, idempotency!);
  if (refused) throw refused;
  // An archived project is read-only: nothing new is generated or spent in it (unarchive it first).
  if (context.archived) throw new AppError("project_archived", "This project is archived. Unarchive it to generate in it.");

  const parsed = parseGenerationParams({ model: input.model, mode: input.mode, params: input.parameters });
  if (!parsed.ok) throw invalid(prefix("parameters", parsed.fields));
  const provider = input.provider ?? context.defaultProvider ?? FALLBACK_PROVIDER;

  if (options.storedReferences) await checkStoredReferences({ access, references: options.storedReferences });
  const references = options.storedReferences ?? (await resolveReferences({ access, references: input.references }));
  const elements = await resolveElements({ teamId: access.teamId, elementIds: input.elementIds, versionIds: options.elementVersionIds });
  const inputs = await buildProviderInputs({ images: references, elements });
  const collectionId = input.collectionId ? await checkSendToCollection({ teamId: access.teamId, projectId, collectionId: input.collectionId }) : null;
  const inputErrors = checkGenerationInputs({ model: parsed.model, mode: parsed.mode, inputs, prompt: parsed.params.prompt });
  if (inputErrors) throw invalid(inputErrors);
  const supportErrors = checkProviderSupport({ provider, model: parsed.model, mode: parsed.mode, params: parsed.params, inputs });
  if (supportErrors) throw invalid(prefix("parameters", supportErrors, ["model", "mode", "elements", "images"]));

  const id = createId("generation");
  const params = parsed.params;
  const now = new Date();
  const generation = {
    id,
    teamId: access.teamId,
    projectId,
    createdById: access.actorUserId,
    apiKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
    model: parsed.model,
    provider,
    mode: modeToDb(parsed.mode),
    parameters: params as Prisma.JsonValue,
    prompt: params.prompt,
    aspectRatio: params.aspect_ratio,
    resolution: params.resolution,
    numImages: "result_type" in params && params.result_type === "series" ? (params.series_amount ?? 1) : params.num_images,
    seed: params.seed ?? null,
    status: "queued",
    correlationId: id,
    providerTaskId: null,
    idempotencyKey,
    idempotencyRequestHash: idempotency?.requestHash ?? null,
    webhookToken: randomBytes(16).toString("hex"),
    providerCredentialId: null,
    errorClass: null,
    errorMessage: null,
    estimatedCostMicros: BigInt(estimateCost({ provider, model: parsed.model, params })),
    actualCostMicros: null,
    providerCostMicros: null,
    listCostMicros: null,
    rerunOfId: options.rerunOfId ?? null,
    sourceAssetId: references[0]?.assetId ?? null,
    collectionId,
    queuedAt: now,
    submittedAt: null,
    runningAt: null,
    succeededAt: null,
    failedAt: null,
    cancelledAt: null,
    deadlineAt: generationDeadline(now),
    createdAt: now,
    updatedAt: now,
  } satisfies Generation;
  try {
    // Without a budget there is nothing to check or serialise. A budget set meanwhile applies from the next submit on.
    await recordQueuedGeneration({
      generation,
      inputs: references.map(({ position, assetId, storageKey, sourceUrl }) => ({ position, assetId, storageKey, sourceUrl })),
      elements: elements.map((e) => ({ elementVersionId: e.version.id, position: e.position })),
      budgeted: context.budgeted,
      capped: context.capped,
    });
    return { generation, replayed: false };
  } catch (error) {
    // Two identical requests racing: the loser's insert hits the idempotency unique constraint.
    if (idempotency && (error as { code?: string }).code === UNIQUE_VIOLATION) return replay(projectId, idempotency);
    throw error;
  }
}

// Raw, on the plain pool (lib/db-pool.ts), like the write: the team's default provider, whether the project has a
// budget to check, whether the team has spend caps to check, whether the project is archived, and the generation an earlier request with this Idempotency-Key
// created.
const SUBMIT_CONTEXT = {
  name: "generation-submit-context",
  text: `SELECT (SELECT "defaultProvider"::text FROM "Team" WHERE id = $1) AS "defaultProvider",
                EXISTS (SELECT 1 FROM "Budget" WHERE "projectId" = $2) AS budgeted,
                EXISTS (SELECT 1 FROM "SpendCap" WHERE "teamId" = $1) AS capped,
                EXISTS (SELECT 1 FROM "Project" WHERE id = $2 AND "archivedAt" IS NOT NULL) AS archived,
                (SELECT id FROM "Generation" WHERE "projectId" = $2 AND "idempotencyKey" = $3) AS "replayOf"`,
};
type SubmitContext = { defaultProvider: ProviderId | null; budgeted: boolean; capped: boolean; archived: boolean; replayOf: string | null };
const UNIQUE_VIOLATION = "23505";

async function replay(projectId: string, idempotency: Idempotency) {
  const existing = await db.generation.findUniqueOrThrow({ where: { projectId_idempotencyKey: { projectId, idempotencyKey: idempotency.storedKey } } });
  assertSameRequest(idempotency, existing.idempotencyRequestHash);
  return { generation: existing, replayed: true };
}

function invalid(fields: Record<string, string>) {
  return new AppError("validation_failed", "Some fields are invalid.", { fields });
}

function prefix(scope: string, fields: Record<string, string>, topLevel: string[] = ["model", "mode"]) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [topLevel.some((t) => k === t || k.startsWith(`${t}.`)) ? k : `${scope}.${k}`, v]));
}

/** When an unfinished generation is given up on and failed as timed out. */
export function generationDeadline(from = new Date()): Date {
  return new Date(from.getTime() + env().GENERATION_DEADLINE_SECONDS * 1000);
}
