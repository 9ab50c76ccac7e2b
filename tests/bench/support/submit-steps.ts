import { db } from "@/lib/db";
import { createId } from "@/lib/ids";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { limitSubmissions } from "@/lib/rate-limit/limit-submissions";
import { createGeneration } from "@/lib/generations/create-generation";
import { createGenerationInput } from "@/lib/generations/generation-schemas";
import { submissionDto } from "@/lib/generations/submission-dto";
import { cachedAdapter } from "@/lib/providers-config/cached-adapter";
import { loadAndClaimSubmission } from "@/lib/generations/load-and-claim-submission";
import { buildProviderInputs } from "@/lib/generations/build-provider-inputs";
import { markSubmitted } from "@/lib/generations/submit-claim";
import { enqueuePoll } from "@/lib/generations/enqueue-pipeline";
import { webhookUrlFor } from "@/lib/generations/submit-to-provider";
import { firstPollDelaySeconds } from "@/lib/generations/poll-schedule";
import { modeFromDb, type ModelId } from "@/lib/kling/models";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import { generationDeadline } from "@/lib/generations/create-generation";
import { describeSteps, stepTimer } from "./step-timer";

// Where submit time goes: the POST handler's calls, then the first submit attempt's calls (what the serving process
// runs right after the commit, lib/generations/start-first-submit.ts), made one after another in this process (no
// HTTP), each timed. The attempt side mirrors lib/generations/submit-to-provider.ts step for step (the same functions,
// in the same order): keep the two in step when either changes. It runs on generations inserted as "queued" without
// a job, so the worker never races these calls.

export async function profileSubmitPath(options: { apiKey: string; projectId: string; teamId: string; request: unknown; samples: number }) {
  const WARMUP = 3;
  const route = stepTimer();
  for (let i = 0; i < WARMUP + options.samples; i++) {
    route.recording = i >= WARMUP;
    const caller = await route.time("authenticate (API key)", () => authenticateApiKey(options.apiKey));
    const { access } = await route.time("getProjectOrThrow", () => getProjectOrThrow({ caller, projectId: options.projectId, permission: "generation.create" }));
    const input = createGenerationInput.parse(options.request);
    await route.time("limitSubmissions (rate-limit write)", () => limitSubmissions(caller));
    const { generation } = await route.time("createGeneration (one read, checks, one tx: row + reservation + NOTIFY + submit job)", () =>
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
    const loaded = await job.time("loadAndClaimSubmission (generation, credential row and slot claim in one raw query)", () => loadAndClaimSubmission(id));
    const { generation, credential, claimed } = loaded!;
    if (!claimed) throw new Error("profile: no provider slot");
    const adapter = await job.time("cachedAdapter (per team, keyed by the credential row)", async () => cachedAdapter({ teamId: options.teamId, provider: "wavespeed", credential }));
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
    await job.time("markSubmitted (update + NOTIFY, one raw statement)", () => markSubmitted({ generationId: id, providerTaskId, projectId: generation.projectId }));
    await job.time("enqueuePoll (pg-boss send)", () => enqueuePoll(id, { delaySeconds: firstPollDelaySeconds("wavespeed") }));
  }
  const routeSteps = route.report();
  const jobSteps = job.report();
  return { route: routeSteps, job: jobSteps, text: { route: describeSteps(routeSteps), job: describeSteps(jobSteps) } };
}
