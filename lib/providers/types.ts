import type { ModelId, Mode } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";
import type { GenerationParams } from "@/lib/kling/param-schemas";
import type { GenerationInputs } from "@/lib/kling/inputs";

// The one interface every provider adapter implements. Adapters never read env and never touch the database:
// they turn catalog requests into the provider's wire format and the provider's answers into these shapes.

export type TaskStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type ErrorClass = "auth" | "quota" | "safety" | "rate_limited" | "invalid_input" | "transient";

export type SubmitRequest = {
  /** Our id for the job (Generation.correlationId). Sent as Kling external_task_id / Runware taskUUID (derived). */
  correlationId: string;
  model: ModelId;
  mode: Mode;
  /** Output of the catalog's parseGenerationParams; adapters parse again, so raw JSON from the DB is fine. */
  params: GenerationParams;
  inputs: GenerationInputs;
  /** Where the provider should POST updates. Adapters add `cid` and `token` query params (see webhook-token.ts). */
  webhookUrl?: string;
};

export type SubmitResult = { providerTaskId: string; raw: unknown };

export type StatusRequest = {
  providerTaskId: string;
  correlationId: string;
  model: ModelId;
  /** Images the job should produce; Runware reports per image and is only done when all have arrived. */
  expectedImages?: number;
};

/** `seed`: the seed the provider says it made this image with, where it reports one (Runware); never the request's. */
export type ProviderOutput = { url: string; width?: number; height?: number; format?: string; seed?: number };

export type StatusError = { class: ErrorClass; message: string; retryAfterMs?: number };

export type StatusResult = {
  status: TaskStatus;
  outputs: ProviderOutput[];
  /** The provider's own figure for what the job cost, when it reports one. */
  providerCostMicros?: number;
  error?: StatusError;
  raw: unknown;
};

export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export type WebhookRequest = {
  headers: HeadersLike;
  /** The body exactly as received (`await req.text()`); signatures are over these bytes. */
  rawBody: string | Uint8Array;
  /** The full request URL including its query string. */
  url: string;
  now?: Date;
};

export type WebhookRejection =
  | "missing_headers" // 401
  | "bad_signature" // 401
  | "stale" // 401: timestamp outside the 300 s tolerance
  | "bad_token" // 401: our URL token is missing or wrong
  | "malformed" // 200: authentic but unusable; redelivery would not help
  | "unsupported" // 404: this provider sends no webhooks
  | "keys_unavailable"; // 500: could not fetch the JWKS; ask for redelivery

export type WebhookVerification =
  | {
      ok: true;
      /** Stable across redeliveries of the same event: store it under a unique constraint to drop replays. */
      eventKey: string;
      providerTaskId: string;
      correlationId: string;
      hintStatus?: TaskStatus;
      /** True for unsigned providers: the body is a hint, call getStatus before recording anything. */
      confirmWithStatus: boolean;
      payload: unknown;
    }
  | { ok: false; reason: WebhookRejection; message: string };

export interface ProviderAdapter {
  readonly provider: ProviderId;
  /** Throws ProviderError; refuses what the provider cannot do (invalid_input) before sending anything. */
  submit(request: SubmitRequest): Promise<SubmitResult>;
  /**
   * The job as the provider reports it now. Also asked, once, for a link that works when an output's link died before
   * we copied its image (lib/assets/refresh-output-link.ts): outputs must keep the provider's order, and a provider
   * that signs links per read (Kling) gives a new one.
   */
  getStatus(request: StatusRequest): Promise<StatusResult>;
  /** After an ambiguous submit: the job the provider knows under our correlation id, or null if it has none. */
  findByCorrelationId?(request: { correlationId: string; model: ModelId }): Promise<(StatusResult & { providerTaskId: string }) | null>;
  verifyWebhook(request: WebhookRequest): Promise<WebhookVerification>;
  cancel?(request: { providerTaskId: string; model: ModelId }): Promise<void>;
  /** The provider's own element library, for providers that take elements by their id (Kling). */
  elements?: ProviderElementLibrary;
  /** The provider's own prompt enhancer, where it documents one (Runware's promptEnhance): suggested rewrites. */
  enhancePrompt?(request: { prompt: string; versions: number; maxTokens: number }): Promise<string[]>;
}

export type ElementKindHint = "character" | "product" | "brand" | "scene" | "style" | "other";

export type ElementRegistration = {
  name: string;
  description: string;
  kind: ElementKindHint;
  frontalImageUrl: string;
  referenceImageUrls: string[];
};

export type ElementTask = { status: "pending" | "succeeded" | "failed"; elementId?: string; message?: string };

/**
 * A provider's element library belongs to the account behind a key: `account` names it without the secret (a
 * fingerprint), so an id registered under one key is never sent with another. Creation is asynchronous (a task to
 * poll for the element id).
 */
export interface ProviderElementLibrary {
  readonly account: string;
  create(request: ElementRegistration): Promise<{ taskId: string }>;
  poll(taskId: string): Promise<ElementTask>;
  remove(elementId: string): Promise<void>;
}
