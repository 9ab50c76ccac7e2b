import { createJob, findJob } from "../../core/jobs";
import { klingTaskId } from "../../core/ids";
import { referenceAspect } from "../../core/reference-aspect";
import type { Sim } from "../../core/sim";
import type { Ctx, ProviderModule, Reply, Route, SimJob } from "../../core/types";
import { validate, type Issue } from "../../core/validate";
import { sendWebhook } from "../../webhooks/deliver";
import { authenticateKling } from "./auth";
import { klingError, klingErrors } from "./errors";
import { klingCreated, klingOk, klingTask } from "./present";
import { generationsSchema, omniSchema } from "./schemas";
import { klingElementRoutes, klingElementUsable } from "./elements";

type Kind = "generations" | "omni-image";
const RETENTION_SECONDS = 30 * 24 * 3600; // "cleared after 30 days"

const invalid = (issue: Issue): Reply =>
  issue.kind === "missing"
    ? klingError(400, 1200, `Invalid request parameters: ${issue.message}`)
    : klingError(400, 1201, `Invalid key or value in request parameters: ${issue.message}`);

// Kling calls back on every status change (submitted, processing, succeed/failed), unsigned.
const hooks = {
  onPhase(sim: Sim, job: SimJob) {
    if (!job.webhookUrl) return;
    const task = klingTask(sim, job);
    sendWebhook(sim, {
      provider: "kling", jobId: job.id, url: job.webhookUrl, event: task.task_status,
      body: JSON.stringify(task), forced: job.meta.forced as never,
    });
  },
};

function findTask(sim: Sim, kind: Kind, id: string): SimJob | undefined {
  const direct = findJob(sim, "kling", id);
  if (direct?.meta.kind === kind) return direct;
  // The query endpoint accepts our own external_task_id as well as Kling's task_id.
  return [...sim.state.jobs.values()].find((j) => j.provider === "kling" && j.meta.kind === kind && j.correlationId === id);
}

async function submit(ctx: Ctx, kind: Kind): Promise<Reply> {
  const raw = await ctx.body();
  const isOmni = kind === "omni-image";
  const parsed = isOmni ? validate(omniSchema, raw) : validate(generationsSchema, raw);
  if (!parsed.ok) return invalid(parsed.issues[0]!);
  const body = parsed.data;
  const model = body.model_name ?? ("model" in body && body.model ? body.model : isOmni ? "kling-image-o1" : "kling-v1");
  const served = isOmni ? "kling-v3-omni" : "kling-v3";
  if (model !== served) {
    return klingError(400, 1201, `Invalid key or value: model_name ${model} is not simulated here, use ${served}`);
  }
  const missing = body.element_list?.find((e) => !klingElementUsable(ctx.sim, e.element_id));
  if (missing) {
    return klingError(400, 1201, `Invalid key or value in request parameters: element_id ${String(missing.element_id)} does not exist`);
  }
  if (body.external_task_id && findTask(ctx.sim, kind, body.external_task_id)) {
    return klingError(400, 1201, "Invalid key or value: external_task_id already exists");
  }
  let count = body.n;
  let aspect: string = body.aspect_ratio;
  let series = false;
  if ("result_type" in body) {
    series = body.result_type === "series";
    if (series) count = typeof body.series_amount === "number" ? body.series_amount : body.series_amount === "auto" ? 2 + ctx.sim.state.rng.int(8) : 4;
    if (aspect === "auto") aspect = await referenceAspect(body.image_list?.[0]?.image);
  }
  const job = createJob(ctx.sim, {
    id: klingTaskId(),
    provider: "kling",
    endpoint: `/v1/images/${kind}`,
    model,
    priceModel: isOmni ? "kling-v3-omni" : "kling-v3",
    resolution: body.resolution,
    aspect,
    prompt: body.prompt,
    count,
    format: "png",
    input: raw,
    plan: ctx.plan,
    ttlSeconds: RETENTION_SECONDS,
    correlationId: body.external_task_id,
    webhookUrl: body.callback_url,
    watermark: body.watermark_info?.enabled,
    series,
    meta: { kind, series, forced: [...ctx.forced] },
  }, hooks);
  return klingCreated(job);
}

function query(kind: Kind): Route["handle"] {
  return async (ctx) => {
    const job = findTask(ctx.sim, kind, ctx.params.id!);
    if (!job) return klingErrors.notFound(`Task ${ctx.params.id} does not exist`);
    return klingOk(klingTask(ctx.sim, job));
  };
}

function list(kind: Kind): Route["handle"] {
  return async (ctx) => {
    const pageNum = Number(ctx.url.searchParams.get("pageNum") ?? 1);
    const pageSize = Number(ctx.url.searchParams.get("pageSize") ?? 30);
    if (!Number.isInteger(pageNum) || pageNum < 1 || pageNum > 1000) return klingError(400, 1201, "pageNum must be in [1, 1000]");
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) return klingError(400, 1201, "pageSize must be in [1, 500]");
    const tasks = [...ctx.sim.state.jobs.values()]
      .filter((j) => j.provider === "kling" && j.meta.kind === kind)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice((pageNum - 1) * pageSize, pageNum * pageSize);
    return klingOk(tasks.map((job) => klingTask(ctx.sim, job)));
  };
}

export const kling: ProviderModule = {
  name: "kling",
  prefix: "/kling",
  errors: klingErrors,
  authenticate: authenticateKling,
  routes: [
    { method: "POST", path: "/v1/images/generations", submit: true, handle: (ctx) => submit(ctx, "generations") },
    { method: "GET", path: "/v1/images/generations", handle: list("generations") },
    { method: "GET", path: "/v1/images/generations/:id", handle: query("generations") },
    { method: "POST", path: "/v1/images/omni-image", submit: true, handle: (ctx) => submit(ctx, "omni-image") },
    { method: "GET", path: "/v1/images/omni-image", handle: list("omni-image") },
    { method: "GET", path: "/v1/images/omni-image/:id", handle: query("omni-image") },
    ...klingElementRoutes,
  ],
};
