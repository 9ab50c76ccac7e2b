import type { IncomingMessage, ServerResponse } from "node:http";
import type { Sim } from "./sim";

export type ProviderName = "kling" | "wavespeed" | "runware" | "segmind" | "fal";
export const PROVIDERS: readonly ProviderName[] = ["kling", "wavespeed", "runware", "segmind", "fal"];

export type Resolution = "1k" | "2k" | "4k";
export type ImageFormat = "png" | "jpeg" | "webp";
// What the job is billed as: the providers' price tables are keyed by model family (and resolution for O3).
export type PriceModel = "kling-v3" | "kling-v3-omni" | "segmind-kling-3";

// queued → processing → succeeded | failed | canceled; "stuck" jobs simply never leave processing.
export type Phase = "queued" | "processing" | "succeeded" | "failed" | "canceled";
export type Outcome = "success" | "safety" | "error" | "invalid" | "stuck";

export interface JobPlan {
  queuedMs: number;
  processingMs: number;
  outcome: Outcome;
  // Why an "invalid" outcome fails (fal validates when the runner picks the request up, not at submit).
  failureDetail?: unknown;
  // The status word the failed job then reports instead of the provider's usual one (fault `endStatus`).
  endStatus?: string;
}

export interface ImageSpec {
  width: number;
  height: number;
  format: ImageFormat;
  seed: number;
  index: number;
  prompt: string;
  model: string;
  aspect: string;
  resolution: string;
  provider: ProviderName;
  watermark?: boolean;
  quality?: number;
}

export interface SimOutput {
  id: string;
  index: number;
  spec: ImageSpec;
  ready: boolean;
  bytes?: number;
  /** When a download of this output first reached the simulator (control API only: how long after finishedAt the client came). */
  firstFetchedAt?: number;
  expiresAt: number; // epoch ms after which the signed URL is refused
  ttlSeconds: number;
  series?: boolean;
}

export interface SimJob {
  key: string; // `${provider}:${id}`
  id: string; // the provider's job id (task_id, data.id, taskUUID, request_id)
  provider: ProviderName;
  endpoint: string;
  model: string;
  priceModel: PriceModel;
  resolution: Resolution;
  aspect: string;
  prompt: string;
  correlationId?: string;
  webhookUrl?: string;
  input: unknown;
  phase: Phase;
  plan: JobPlan;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  finishedAt?: number;
  failureMessage?: string;
  outputs: SimOutput[];
  costMicros: number;
  // The price per image (per generation for Segmind) in force when the job was submitted: the list price, or the
  // control API's `unitPriceMicros`. The bill and every cost the provider reports use it.
  unitPriceMicros: number;
  // Provider-specific knobs the presenters need (Runware outputType, Segmind version, fal gateway id…).
  meta: Record<string, unknown>;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown; // JSON-serialised unless `raw` is set
  raw?: Buffer | string;
}

export type ForcedFault =
  | "rate_limit"
  | "server_error"
  | "safety"
  | "quota"
  | "timeout"
  | "stuck"
  | "job_failure"
  | "webhook_drop"
  | "webhook_duplicate"
  | "webhook_reorder"
  | "output_expired"
  | "output_truncated"
  | "output_slow";

export interface Ctx {
  sim: Sim;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  provider: ProviderName;
  forced: Set<ForcedFault>;
  plan: JobPlan; // decided before the handler runs so submit handlers stay fault-agnostic
  requestId: string;
  body(): Promise<unknown>;
}

export interface ProviderErrors {
  rateLimited(retryAfterSeconds: number): Reply;
  serverError(status?: number): Reply; // 500 by default; faults may ask for 502/503/504
  quotaExhausted(): Reply;
  notFound(what?: string): Reply;
  badRequest(message: string): Reply;
}

export interface Route {
  method: string;
  path: string; // relative to the provider prefix, `:name` captures one segment
  auth?: boolean; // default true
  faults?: boolean; // default true; false for endpoints a gateway would not throttle (JWKS)
  submit?: boolean;
  handle(ctx: Ctx): Promise<Reply>;
}

export interface ProviderModule {
  name: ProviderName;
  prefix: string;
  routes: Route[];
  errors: ProviderErrors;
  authenticate(ctx: Ctx): Reply | null;
}
