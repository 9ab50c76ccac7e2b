import { createJob, findJob, isTerminal, waitForJob } from "../../core/jobs";
import { wavespeedId } from "../../core/ids";
import { referenceAspect } from "../../core/reference-aspect";
import type { Sim } from "../../core/sim";
import type { Ctx, ProviderModule, Reply, SimJob } from "../../core/types";
import { validate } from "../../core/validate";
import { stringifyJsonText } from "../../core/json-text";
import { WAVESPEED_WEBHOOK_SECRET } from "../../credentials";
import { sendWebhook } from "../../webhooks/deliver";
import { wavespeedHeaders } from "../../webhooks/signing";
import { authenticateWavespeed, wavespeedError, wavespeedErrors } from "./errors";
import { MEDIA_ACCESS_FAILED, prediction, wavespeedOk } from "./present";
import type { z } from "zod";
import { WAVESPEED_MODELS, type WavespeedInput, type WavespeedModelId } from "./schemas";

const RETENTION_SECONDS = 7 * 24 * 3600; // "Retained for 7 days"
const SYNC_TIMEOUT_MS = 120_000;

// Webhooks fire for completed and failed only, signed v3 HMAC (providers.md §2.3).
const hooks = {
  onPhase(sim: Sim, job: SimJob) {
    if (!job.webhookUrl || (job.phase !== "succeeded" && job.phase !== "failed")) return;
    // Whether WaveSpeed calls back for its other terminal states (cancelled, timeout, deleted) is not documented;
    // the simulator does, with that status in the body.
    const body = stringifyJsonText({ ...prediction(sim, job), input: job.input });
    sendWebhook(sim, {
      provider: "wavespeed", jobId: job.id, url: job.webhookUrl, event: job.phase === "succeeded" ? "completed" : "failed",
      body, forced: job.meta.forced as never,
      headers: (raw, at, webhookId) => wavespeedHeaders(webhookId, raw, at),
    });
  },
};

function submit(modelId: WavespeedModelId) {
  return async (ctx: Ctx): Promise<Reply> => {
    const raw = await ctx.body();
    const { family, schema } = WAVESPEED_MODELS[modelId];
    const parsed = validate(schema as z.ZodType<WavespeedInput>, raw);
    if (!parsed.ok) return wavespeedError(400, parsed.issues[0]!.message);
    const body = parsed.data;
    const images = body.images ?? (body.image ? [body.image] : []);
    const aspect = body.aspect_ratio === "auto" ? await referenceAspect(images[0]) : body.aspect_ratio;
    // A reference the provider cannot fetch fails the task with 1402. The simulator fetches nothing (it stays
    // hermetic), so a host under the reserved `.invalid` TLD (RFC 2606) stands for an unreachable URL.
    const unreachable = images.some((image) => /^https?:\/\/[^/?#]*\.invalid(?:[:/?#]|$)/i.test(image));
    const webhookUrl = ctx.url.searchParams.get("webhook") ?? (raw as { webhook_url?: string }).webhook_url;
    const job = createJob(ctx.sim, {
      id: wavespeedId(), provider: "wavespeed", endpoint: modelId, model: modelId, priceModel: family,
      resolution: body.resolution, aspect, prompt: body.prompt, count: body.num_images,
      format: body.output_format, input: raw, plan: unreachable ? { ...ctx.plan, outcome: "invalid" } : ctx.plan, ttlSeconds: RETENTION_SECONDS,
      webhookUrl: typeof webhookUrl === "string" && webhookUrl ? webhookUrl : undefined,
      meta: { forced: [...ctx.forced], ...(unreachable ? { taskError: MEDIA_ACCESS_FAILED } : {}) },
    }, hooks);
    if (!body.enable_sync_mode) return wavespeedOk(prediction(ctx.sim, job));
    await waitForJob(ctx.sim, job, SYNC_TIMEOUT_MS);
    const data = prediction(ctx.sim, job);
    // The SDK recognises a sync timeout by a still-processing body whose error says so.
    return wavespeedOk(isTerminal(job) ? data : { ...data, error: "Sync mode timed out, poll urls.get for the result" });
  };
}

async function poll(ctx: Ctx): Promise<Reply> {
  const job = findJob(ctx.sim, "wavespeed", ctx.params.id!);
  return job ? wavespeedOk(prediction(ctx.sim, job)) : wavespeedError(404, "Prediction not found");
}

export const wavespeed: ProviderModule = {
  name: "wavespeed",
  prefix: "/wavespeed",
  errors: wavespeedErrors,
  authenticate: authenticateWavespeed,
  routes: [
    ...(Object.keys(WAVESPEED_MODELS) as WavespeedModelId[]).map((id) => ({
      method: "POST", path: `/api/v3/${id}`, submit: true, handle: submit(id),
    })),
    { method: "GET", path: "/api/v3/predictions/:id/result", handle: poll },
    { method: "GET", path: "/api/v3/predictions/:id", handle: poll },
    {
      method: "GET",
      path: "/api/v3/webhook/secret",
      handle: async () => wavespeedOk({ secret: WAVESPEED_WEBHOOK_SECRET }),
    },
  ],
};
