import { createJob, findJob, isTerminal, waitForJob } from "../../core/jobs";
import { referenceAspect } from "../../core/reference-aspect";
import { presetFor } from "../../core/sizes";
import type { Sim } from "../../core/sim";
import type { ImageFormat, SimJob, SimOutput } from "../../core/types";
import { validate } from "../../core/validate";
import { planJob, rollQuota } from "../../faults/request-faults";
import { getImage } from "../../render/render-cache";
import { sendWebhook } from "../../webhooks/deliver";
import { capitalize } from "./errors";
import { jobError, resultItem } from "./present";
import { imageInferenceSchema, RUNWARE_MODELS } from "./schemas";
import type { TaskContext, TaskResult } from "./tasks";

const FORMATS: Record<string, ImageFormat> = { JPG: "jpeg", PNG: "png", WEBP: "webp" };
const DEFAULT_TTL_SECONDS = 24 * 3600; // Runware's default lifetime is undocumented; `ttl` overrides it
const SYNC_TIMEOUT_MS = 120_000;

// Runware posts one webhook per finished item — the flat item, not the { data } envelope — unsigned.
const hooks = {
  onOutput(sim: Sim, job: SimJob, output: SimOutput) {
    const webhookURL = job.webhookUrl;
    if (webhookURL) {
      resultItem(sim, job, output)
        .then((item) => sendWebhook(sim, { provider: "runware", jobId: job.id, url: webhookURL, event: `item:${output.index}`, body: JSON.stringify(item), forced: job.meta.forced as never }))
        .catch((error: unknown) => console.error("[simulator] runware webhook", error));
    }
    const upload = job.meta.uploadEndpoint;
    if (typeof upload === "string") {
      // uploadEndpoint: PUT the raw bytes to the caller's (presigned) URL; failures are the caller's problem.
      getImage(output.spec)
        .then((bytes) => fetch(upload, { method: "PUT", body: new Uint8Array(bytes) }))
        .catch(() => undefined);
    }
  },
  onPhase(sim: Sim, job: SimJob) {
    if (job.phase !== "failed" || !job.webhookUrl) return;
    const body = JSON.stringify({ errors: [jobError(job)] });
    sendWebhook(sim, { provider: "runware", jobId: job.id, url: job.webhookUrl, event: "error", body, forced: job.meta.forced as never });
  },
};

export async function runInference(ctx: TaskContext, raw: Record<string, unknown>, result: TaskResult): Promise<void> {
  const uuid = typeof raw.taskUUID === "string" ? raw.taskUUID : undefined;
  const parsed = validate(imageInferenceSchema, raw);
  if (!parsed.ok) {
    const issue = parsed.issues[0]!;
    const param = String(issue.path[issue.path.length - 1] ?? "task");
    const code = `${issue.kind === "missing" ? "missing" : "invalid"}${capitalize(param)}`;
    result.errors.push({ code, message: issue.message, parameter: issue.field, taskType: "imageInference", taskUUID: uuid });
    return;
  }
  const task = parsed.data;
  if (findJob(ctx.sim, "runware", task.taskUUID)) {
    result.errors.push({ code: "duplicateTaskUUID", message: "taskUUID must be unique per task", parameter: "taskUUID", taskType: "imageInference", taskUUID: uuid });
    return;
  }
  if (rollQuota(ctx.sim, "runware", ctx.forced)) {
    result.errors.push({ code: "insufficientCredits", message: "Insufficient credits. Top up at https://my.runware.ai/wallet", taskType: "imageInference", taskUUID: uuid });
    return;
  }
  const refs = task.inputs?.referenceImages ?? task.referenceImages ?? [];
  const sized = task.width !== undefined && task.height !== undefined ? presetFor(task.width, task.height) : null;
  const resolution = sized?.resolution ?? task.resolution ?? "1k";
  const aspect = sized?.aspect ?? (await referenceAspect(refs[0]));
  const job = createJob(ctx.sim, {
    id: task.taskUUID, provider: "runware", endpoint: "imageInference", model: task.model,
    priceModel: RUNWARE_MODELS[task.model].family, resolution, aspect, prompt: task.positivePrompt,
    count: task.numberResults, format: FORMATS[task.outputFormat]!, quality: task.outputFormat === "PNG" ? undefined : task.outputQuality,
    input: raw, plan: planJob(ctx.sim, "runware", ctx.forced, ctx.headers), ttlSeconds: task.ttl ?? DEFAULT_TTL_SECONDS,
    size: task.width !== undefined && task.height !== undefined ? { width: task.width, height: task.height } : undefined,
    seed: task.seed, correlationId: task.taskUUID, webhookUrl: task.webhookURL,
    meta: {
      outputType: task.outputType, includeCost: task.includeCost, uploadEndpoint: task.uploadEndpoint,
      checkNSFW: task.safety?.checkContent === true, forced: [...ctx.forced],
    },
  }, hooks);
  if (task.deliveryMethod === "async") {
    result.data.push({ taskType: "imageInference", taskUUID: task.taskUUID });
    return;
  }
  await waitForJob(ctx.sim, job, SYNC_TIMEOUT_MS);
  if (!isTerminal(job)) {
    result.errors.push({ code: "timeoutProvider", message: "The provider did not answer in time; poll with getResponse", taskType: "imageInference", taskUUID: uuid });
    return;
  }
  if (job.phase === "failed") return void result.errors.push(jobError(job));
  for (const output of job.outputs) result.data.push(await resultItem(ctx.sim, job, output));
}
