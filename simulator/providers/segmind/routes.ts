import { createJob, findJob, waitForJob } from "../../core/jobs";
import { uuid } from "../../core/ids";
import type { Ctx, ProviderModule, Reply, Route, SimJob } from "../../core/types";
import { validate } from "../../core/validate";
import { getImage } from "../../render/render-cache";
import { CONTENT_TYPES } from "../../render/render-image";
import { authenticateSegmind, segmindError, segmindErrors } from "./errors";
import { completedBody, failureText, remainingCredits, statusOf, timings, urls } from "./present";
import { SEGMIND_SLUGS, type SegmindSlug } from "./schemas";

const RETENTION_SECONDS = 7 * 24 * 3600; // output files: 7 days
const RECORD_TTL_MS = 3600_000; // request status/results: 1 hour, then 404
const SYNC_TIMEOUT_MS = 300_000;

// Validation and job creation shared by v1 (sync) and v2 (async). Segmind has no inference webhooks.
async function start(ctx: Ctx, slug: SegmindSlug, version: "v1" | "v2"): Promise<Reply | SimJob> {
  if (!(ctx.req.headers["content-type"] ?? "").includes("application/json")) {
    return segmindError(406, "Invalid content type");
  }
  const raw = await ctx.body();
  const parsed = validate(SEGMIND_SLUGS[slug], raw);
  if (!parsed.ok) return segmindError(400, parsed.issues[0]!.message);
  const body = parsed.data;
  return createJob(ctx.sim, {
    id: uuid(), provider: "segmind", endpoint: `/${version}/${slug}`, model: slug, priceModel: "segmind-kling-3",
    resolution: body.resolution === "2K" ? "2k" : "1k", aspect: body.aspect_ratio, prompt: body.prompt, count: 1,
    format: body.output_format, input: raw, plan: ctx.plan, ttlSeconds: RETENTION_SECONDS, meta: { version },
  }, {});
}

function submitSync(slug: SegmindSlug): Route["handle"] {
  return async (ctx) => {
    const job = await start(ctx, slug, "v1");
    if (!("key" in job)) return job;
    await waitForJob(ctx.sim, job, SYNC_TIMEOUT_MS);
    if (job.phase === "failed") return segmindError(job.plan.outcome === "safety" ? 400 : 500, failureText(job));
    if (job.phase !== "succeeded") return segmindError(504, "Request timed out");
    const output = job.outputs[0]!;
    // v1 answers with the image bytes and the accounting in headers.
    return {
      status: 200,
      headers: {
        "content-type": CONTENT_TYPES[output.spec.format],
        "x-cost": String(job.costMicros / 1_000_000),
        "x-remaining-credits": String(remainingCredits(ctx.sim)),
        "x-generation-time": String(timings(job).inference_time),
        "x-seed-value": String(output.spec.seed),
        "x-request-id": job.id,
      },
      raw: await getImage(output.spec),
    };
  };
}

function submitAsync(slug: SegmindSlug): Route["handle"] {
  return async (ctx) => {
    const job = await start(ctx, slug, "v2");
    if (!("key" in job)) return job;
    return { status: 200, body: { request_id: job.id, status: "QUEUED", ...urls(ctx.sim, job.id) } };
  };
}

function lookup(ctx: Ctx): SimJob | Reply {
  const job = findJob(ctx.sim, "segmind", ctx.params.id!);
  if (!job || Date.now() - job.createdAt > RECORD_TTL_MS) return segmindError(404, `Request ${ctx.params.id} not found`);
  return job;
}

async function status(ctx: Ctx): Promise<Reply> {
  const job = lookup(ctx);
  if (!("key" in job)) return job;
  const { poll_url: _poll, ...links } = urls(ctx.sim, job.id);
  const done = job.phase === "succeeded" || job.phase === "failed";
  // A FAILED request answers HTTP 422 with the FAILED body, on /status as on the response URL (Segmind's official
  // SDK, segmind-python segmind/v2.py `_fetch_terminal_tolerant`, and its tests/test_v2.py).
  return {
    status: statusOf(job) === "FAILED" ? 422 : 200,
    body: {
      status: statusOf(job),
      request_id: job.id,
      ...links,
      metrics: done ? timings(job) : {},
      ...(job.phase === "failed" ? { error: failureText(job) } : {}),
    },
  };
}

async function result(ctx: Ctx): Promise<Reply> {
  const job = lookup(ctx);
  if (!("key" in job)) return job;
  if (job.phase === "succeeded") return { status: 200, body: completedBody(ctx.sim, job) };
  // A failed v2 job is a 422 with status FAILED and no billing fields (nothing was charged).
  if (job.phase === "failed") return { status: statusOf(job) === "FAILED" ? 422 : 200, body: { status: statusOf(job), error: failureText(job), metrics: timings(job) } };
  return status(ctx);
}

export const segmind: ProviderModule = {
  name: "segmind",
  prefix: "/segmind",
  errors: segmindErrors,
  authenticate: authenticateSegmind,
  routes: [
    ...(Object.keys(SEGMIND_SLUGS) as SegmindSlug[]).flatMap((slug) => [
      { method: "POST", path: `/v1/${slug}`, submit: true, handle: submitSync(slug) },
      { method: "POST", path: `/v2/${slug}`, submit: true, handle: submitAsync(slug) },
    ]),
    { method: "GET", path: "/v2/requests/:id/status", handle: status },
    { method: "GET", path: "/v2/requests/:id", handle: result },
    { method: "GET", path: "/v1/requests/:id", handle: result },
  ],
};
