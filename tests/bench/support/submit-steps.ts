import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { limitSubmissions } from "@/lib/rate-limit/limit-submissions";
import { createGeneration } from "@/lib/generations/create-generation";
import { createGenerationInput } from "@/lib/generations/generation-schemas";
import { submissionDto } from "@/lib/generations/submission-dto";
import { adapterForTeam } from "@/lib/providers-config/adapter-for-team";
import { claimProviderSlot } from "@/lib/generations/claim-provider-slot";
import { buildProviderInputs } from "@/lib/generations/build-provider-inputs";
import { transitionGeneration } from "@/lib/generations/transition-generation";
import { enqueuePoll } from "@/lib/generations/enqueue-pipeline";
import { webhookUrlFor } from "@/lib/generations/webhook-url";
import { firstPollDelaySeconds } from "@/lib/generations/poll-schedule";
import { modeFromDb, type ModelId } from "@/lib/kling/models";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import { generationDeadline } from "@/lib/generations/deadline";
import { describeSteps, stepTimer } from "./step-timer";

// Where submit time goes: the POST handler's calls and the submit job's calls made one after another in this
// process (no HTTP, no queue), each timed. The job side runs on generations inserted as "queued" without a job, so
// the worker never races these calls.

export async function profileSubmitPath(options: { apiKey: string; projectId: string; teamId: string; request: unknown; samples: number }) {
  const WARMUP = 3;
  const route = stepTimer();
  for (let i = 0; i < WARMUP + options.samples; i++) {
    route.recording = i >= WARMUP;
    const caller = await route.time("authenticate (API key)", () => authenticateApiKey(options.apiKey));
    const { access } = await route.time("getProjectOrThrow", () => getProjectOrThrow({ caller, projectId: options.projectId, permission: "generation.create" }));
    const input = createGenerationInput.parse(options.request);
    await route.time("limitSubmissions (rate-limit write)", () => limitSubmissions(caller));
    const { generation } = await route.time("createGeneration (checks, insert+reserve tx, NOTIFY, pg-boss send)", () =>
      createGeneration({ access, projectId: options.projectId, input, idempotencyKey: null }),
    );
    await route.time("DTO (from the created row)", () => submissionDto({ generation, replayed: false }));
  }

  const job = stepTimer();
  const template = await db.generation.findFirstOrThrow({ where: { projectId: options.projectId } });
  for (let i = 0; i < WARMUP + options.samples; i++) {
    job.recording = i >= WARMUP;
    const id = createId("generation");
    await db.generation.create({
      data: {
        id,
        teamId: options.teamId,
        projectId: options.projectId,
        model: template.model,
        provider: "wavespeed",
        mode: template.mode,
        parameters: template.parameters as object,
        prompt: template.prompt,
        aspectRatio: template.aspectRatio,
        resolution: template.resolution,
        numImages: template.numImages,
        correlationId: id,
        estimatedCostMicros: 0n,
        deadlineAt: generationDeadline(),
      },
    });
    const generation = await job.time("load generation, inputs, elements (in parallel)", async () => {
      const [row] = await Promise.all([
        db.generation.findUniqueOrThrow({ where: { id } }),
        db.generationInput.findMany({ where: { generationId: id }, include: { asset: true }, orderBy: { position: "asc" } }),
        db.generationElement.findMany({ where: { generationId: id }, include: { elementVersion: { include: { element: true, providerRefs: true } } }, orderBy: { position: "asc" } }),
      ]);
      return row;
    });
    const { adapter, resolved } = await job.time("adapterForTeam (credential lookup)", () => adapterForTeam({ teamId: options.teamId, provider: "wavespeed" }));
    const claimed = await job.time("claimProviderSlot (one SQL function call)", () => claimProviderSlot({ generation, credentialId: resolved.credentialId }));
    if (!claimed) throw new Error("profile: no provider slot");
    const inputs = await job.time("buildProviderInputs", () => buildProviderInputs({ images: [], elements: [] }));
    const { providerTaskId } = await job.time("adapter.submit (simulator)", () =>
      adapter.submit({
        correlationId: id,
        model: generation.model as ModelId,
        mode: modeFromDb(generation.mode),
        params: generation.parameters as GenerationParams,
        inputs,
        webhookUrl: webhookUrlFor("wavespeed"),
      }),
    );
    await job.time("transition → submitted (+NOTIFY)", () => transitionGeneration({ generationId: id, to: "submitted", data: { providerTaskId }, projectId: generation.projectId }));
    await job.time("enqueuePoll (pg-boss send)", () => enqueuePoll(id, { delaySeconds: firstPollDelaySeconds("wavespeed") }));
  }
  const routeSteps = route.report();
  const jobSteps = job.report();
  return { route: routeSteps, job: jobSteps, text: { route: describeSteps(routeSteps), job: describeSteps(jobSteps) } };
}
