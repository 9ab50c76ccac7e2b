import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseGenerationParams } from "@/lib/kling/parse-params";
import { checkGenerationInputs } from "@/lib/kling/inputs";
import { checkProviderSupport } from "@/lib/kling/check-provider-support";
import { estimateCost } from "@/lib/kling/estimate-cost";
import { modeToDb } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { CreateGenerationInput } from "@/lib/generations/generation-schemas";
import { resolveReferences, type ResolvedReference } from "@/lib/generations/resolve-references";
import { resolveElements } from "@/lib/generations/resolve-elements";
import { buildProviderInputs } from "@/lib/generations/build-provider-inputs";
import { reservationEntry, reserveSpend } from "@/lib/spend/reserve-spend";
import { enqueueSubmit } from "@/lib/generations/enqueue-pipeline";
import { publishEvent } from "@/lib/events/publish-event";
import { generationDeadline } from "@/lib/generations/deadline";

const DEFAULT_PROVIDER: ProviderId = "kling";

/**
 * Validates a request against the catalog and the provider, reserves its estimated cost against the project's
 * budget and records it as queued — all or nothing — then hands it to the worker. With an idempotency key, a retry
 * of the same request returns the generation the first one created.
 */
export async function createGeneration(options: {
  access: TeamAccess;
  projectId: string;
  input: CreateGenerationInput;
  idempotencyKey?: string | null;
  rerunOfId?: string;
  /** Inputs already in our storage (a re-run), used instead of resolving `input.references`. */
  storedReferences?: ResolvedReference[];
  /**
   * A check that must pass before anything is written (the caller's rate limit), already started: it is awaited
   * alongside this function's own reads rather than before them, which saves a round trip on every submit.
   */
  admit?: Promise<unknown>;
}) {
  const { access, projectId, input, idempotencyKey } = options;
  if (idempotencyKey) {
    const existing = await db.generation.findUnique({ where: { projectId_idempotencyKey: { projectId, idempotencyKey } } });
    if (existing) return { generation: existing, replayed: true };
  }
  const parsed = parseGenerationParams({ model: input.model, mode: input.mode, params: input.parameters });
  if (!parsed.ok) throw invalid(prefix("parameters", parsed.fields));
  const [team, budgets] = await Promise.all([
    input.provider ? null : db.team.findUniqueOrThrow({ where: { id: access.teamId }, select: { defaultProvider: true } }),
    db.budget.count({ where: { projectId } }),
    options.admit,
  ]);
  const provider = input.provider ?? team?.defaultProvider ?? DEFAULT_PROVIDER;

  const references = options.storedReferences ?? (await resolveReferences({ teamId: access.teamId, references: input.references }));
  const elements = await resolveElements({ teamId: access.teamId, elementIds: input.elementIds });
  const inputs = await buildProviderInputs({ images: references, elements });
  const inputErrors = checkGenerationInputs({ model: parsed.model, mode: parsed.mode, inputs, prompt: parsed.params.prompt });
  if (inputErrors) throw invalid(inputErrors);
  const supportErrors = checkProviderSupport({ provider, model: parsed.model, mode: parsed.mode, params: parsed.params, inputs });
  if (supportErrors) throw invalid(prefix("parameters", supportErrors, ["model", "mode", "elements", "images"]));

  const estimate = BigInt(estimateCost({ provider, model: parsed.model, params: parsed.params }));
  const id = createId("generation");
  const params = parsed.params;
  try {
    const data = {
      id,
      teamId: access.teamId,
      projectId,
      createdById: access.actorUserId,
      apiKeyId: access.caller.kind === "apiKey" ? access.caller.keyId : null,
      model: parsed.model,
      provider,
      mode: modeToDb(parsed.mode),
      parameters: params as Prisma.InputJsonValue,
      prompt: params.prompt,
      aspectRatio: params.aspect_ratio,
      resolution: params.resolution,
      numImages: "result_type" in params && params.result_type === "series" ? (params.series_amount ?? 1) : params.num_images,
      seed: params.seed ?? null,
      correlationId: id,
      idempotencyKey: idempotencyKey ?? null,
      webhookToken: randomBytes(16).toString("hex"),
      estimatedCostMicros: estimate,
      rerunOfId: options.rerunOfId ?? null,
      sourceAssetId: references[0]?.assetId ?? null,
      deadlineAt: generationDeadline(),
      // Nested creates only when there is something to create: Prisma spends a statement on each even when empty.
      ...(references.length > 0 && {
        inputs: {
          create: references.map((r) => ({ id: createId("generationInput"), position: r.position, assetId: r.assetId, storageKey: r.storageKey, sourceUrl: r.sourceUrl })),
        },
      }),
      ...(elements.length > 0 && { elements: { create: elements.map((e) => ({ elementVersionId: e.version.id, position: e.position })) } }),
    } satisfies Prisma.GenerationUncheckedCreateInput;
    const reservation = { teamId: access.teamId, projectId, generationId: id, userId: access.actorUserId, model: parsed.model, provider, estimateMicros: estimate };
    // Without a budget there is nothing to check or serialise: the row and its reservation in one batch transaction
    // (half the CPU of an interactive one, BENCHMARKS.md). A budget set meanwhile applies from the next submit on.
    // With one, reserveSpend checks it under the project's lock; over budget throws and rolls the row back with it.
    const generation =
      budgets === 0
        ? (await db.$transaction([db.generation.create({ data }), db.spendEntry.createMany({ data: [reservationEntry(reservation)] })]))[0]
        : await db.$transaction(async (tx) => {
            const row = await tx.generation.create({ data });
            await reserveSpend({ tx, ...reservation });
            return row;
          });
    // Independent of each other, so one round trip of waiting rather than two.
    await Promise.all([publishEvent({ type: "generation.status", projectId, generationId: id, status: "queued" }), enqueueSubmit(id)]);
    return { generation, replayed: false };
  } catch (error) {
    // Two identical requests racing: the loser's insert hits the idempotency unique constraint.
    if (idempotencyKey && (error as { code?: string }).code === "P2002") {
      const existing = await db.generation.findUnique({ where: { projectId_idempotencyKey: { projectId, idempotencyKey } } });
      if (existing) return { generation: existing, replayed: true };
    }
    throw error;
  }
}

function invalid(fields: Record<string, string>) {
  return new AppError("validation_failed", "Some fields are invalid.", { fields });
}

function prefix(scope: string, fields: Record<string, string>, topLevel: string[] = ["model", "mode"]) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [topLevel.some((t) => k === t || k.startsWith(`${t}.`)) ? k : `${scope}.${k}`, v]));
}
