import { cancelJob, createJob, findJob, isTerminal } from "../../core/jobs";
import { uuid } from "../../core/ids";
import { referenceAspect } from "../../core/reference-aspect";
import type { Sim } from "../../core/sim";
import type { Ctx, ProviderModule, Reply, Resolution, SimJob } from "../../core/types";
import { validate } from "../../core/validate";
import { sendWebhook } from "../../webhooks/deliver";
import { falHeaders } from "../../webhooks/signing";
import { pydanticDetail } from "./detail";
import { authenticateFal, falError, falErrors } from "./errors";
import { falResult, falStatus, requestUrls, webhookBody } from "./present";
import type { z } from "zod";
import { FAL_APP_ROOT, FAL_ENDPOINTS, type FalEndpointId, type FalInput } from "./schemas";

const DEFAULT_RETENTION_SECONDS = 7 * 24 * 3600; // fal's default is unstated; the lifecycle header overrides it

const hooks = {
  onPhase(sim: Sim, job: SimJob) {
    if (!job.webhookUrl || !isTerminal(job)) return;
    sendWebhook(sim, {
      provider: "fal", jobId: job.id, url: job.webhookUrl, event: falStatus(job), body: webhookBody(sim, job),
      forced: job.meta.forced as never, headers: (body, at) => falHeaders(sim.falKey, job.id, body, at),
    });
  },
};

function lifecycleSeconds(ctx: Ctx): number {
  try {
    const pref = JSON.parse(String(ctx.req.headers["x-fal-object-lifecycle-preference"] ?? "{}")) as { expiration_duration_seconds?: unknown };
    return typeof pref.expiration_duration_seconds === "number" ? pref.expiration_duration_seconds : DEFAULT_RETENTION_SECONDS;
  } catch {
    return DEFAULT_RETENTION_SECONDS;
  }
}

// The queue accepts any JSON; the app validates when a runner picks the request up, so schema errors surface as a
// 422 on the result (and an ERROR webhook), never on submit.
function submit(endpointId: FalEndpointId) {
  return async (ctx: Ctx): Promise<Reply> => {
    const raw = await ctx.body();
    const { family, schema } = FAL_ENDPOINTS[endpointId];
    const parsed = validate(schema as z.ZodType<FalInput>, raw ?? {});
    const body = parsed.ok ? parsed.data : undefined;
    const plan = parsed.ok ? ctx.plan : { ...ctx.plan, outcome: "invalid" as const, failureDetail: parsed.issues.map((i) => pydanticDetail(i, raw)) };
    let count = body?.num_images ?? 1;
    if (body?.result_type === "series") count = body.series_amount ?? 4;
    const refs = body?.image_urls ?? [];
    const aspect = body?.aspect_ratio === "auto" ? await referenceAspect(refs[0]) : (body?.aspect_ratio ?? "1:1");
    const webhookUrl = ctx.url.searchParams.get("fal_webhook") ?? undefined;
    const job = createJob(ctx.sim, {
      id: uuid(), provider: "fal", endpoint: endpointId, model: endpointId, priceModel: family,
      resolution: (body?.resolution.toLowerCase() ?? "1k") as Resolution, aspect, prompt: body?.prompt ?? "",
      count, format: body?.output_format ?? "png", input: raw, plan, ttlSeconds: lifecycleSeconds(ctx), webhookUrl,
      meta: { gatewayRequestId: uuid(), forced: [...ctx.forced] },
    }, hooks);
    return {
      status: 200,
      headers: { "x-fal-request-id": job.id },
      body: { request_id: job.id, gateway_request_id: job.meta.gatewayRequestId, status: "IN_QUEUE", queue_position: 0, ...requestUrls(ctx.sim, job.id) },
    };
  };
}

const lookup = (ctx: Ctx) => findJob(ctx.sim, "fal", ctx.params.id!);
const missing = (): Reply => falError(404, "Request not found");

async function status(ctx: Ctx): Promise<Reply> {
  const job = lookup(ctx);
  if (!job) return missing();
  const state = falStatus(job);
  const seconds = job.startedAt && job.finishedAt ? (job.finishedAt - job.startedAt) / 1000 : undefined;
  return {
    status: 200,
    body: {
      status: state,
      request_id: job.id,
      ...requestUrls(ctx.sim, job.id),
      ...(state === "IN_QUEUE" ? { queue_position: 0 } : {}),
      logs: ctx.url.searchParams.get("logs") === "1" ? [] : null,
      metrics: seconds !== undefined ? { inference_time: seconds } : {},
    },
  };
}

async function result(ctx: Ctx): Promise<Reply> {
  const job = lookup(ctx);
  if (!job) return missing();
  if (!isTerminal(job)) return falError(400, "Request is still in progress");
  return falResult(ctx.sim, job);
}

async function cancel(ctx: Ctx): Promise<Reply> {
  const job = lookup(ctx);
  if (!job) return { status: 404, body: { status: "NOT_FOUND" } };
  if (!cancelJob(ctx.sim, job)) return { status: 400, body: { status: "ALREADY_COMPLETED" } };
  hooks.onPhase(ctx.sim, job);
  return { status: 202, body: { status: "CANCELLATION_REQUESTED" } };
}

export const fal: ProviderModule = {
  name: "fal",
  prefix: "/fal",
  errors: falErrors,
  authenticate: authenticateFal,
  routes: [
    ...(Object.keys(FAL_ENDPOINTS) as FalEndpointId[]).map((id) => ({ method: "POST", path: `/queue/${id}`, submit: true, handle: submit(id) })),
    { method: "GET", path: `/queue/${FAL_APP_ROOT}/requests/:id/status`, handle: status },
    { method: "GET", path: `/queue/${FAL_APP_ROOT}/requests/:id`, handle: result },
    { method: "PUT", path: `/queue/${FAL_APP_ROOT}/requests/:id/cancel`, handle: cancel },
    {
      method: "GET",
      path: "/rest/.well-known/jwks.json",
      auth: false,
      faults: false,
      handle: async (ctx) => ({ status: 200, headers: { "cache-control": "public, max-age=86400" }, body: { keys: [ctx.sim.falKey.jwk] } }),
    },
  ],
};
