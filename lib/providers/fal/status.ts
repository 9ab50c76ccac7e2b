import { ProviderError, classFromHttpStatus, parseRetryAfter } from "@/lib/providers/provider-error";
import { classifyFailureMessage } from "@/lib/providers/classify-failure";
import { field, str, type HttpResponse } from "@/lib/providers/http";
import type { ErrorClass, ProviderOutput, StatusResult, TaskStatus } from "@/lib/providers/types";

// fal queue answers → StatusResult / ProviderError (providers.md §5.2–5.4). The queue status says only whether the
// request has finished; success or failure shows when the result is fetched (errors come back as 4xx/5xx there,
// with a FastAPI-style `detail`).
const STATUS: Record<string, TaskStatus> = { IN_QUEUE: "queued", IN_PROGRESS: "running", COMPLETED: "succeeded" };

export function falQueueStatus(value: unknown): TaskStatus | undefined {
  return typeof value === "string" && Object.hasOwn(STATUS, value) ? STATUS[value] : undefined;
}

/** `detail` is a string or a list of `{ loc, msg, type }`; either way, one readable sentence. */
export function falDetailMessage(json: unknown): string | undefined {
  const detail = field(json, "detail");
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((d) => str(field(d, "msg")) ?? JSON.stringify(d)).join("; ");
  return str(field(json, "error")) ?? str(field(json, "message"));
}

function falClass(response: HttpResponse, message: string | undefined): ErrorClass {
  const type = `${response.headers.get("x-fal-error-type") ?? ""} ${str(field(response.json, "error_type")) ?? ""} ${JSON.stringify(field(response.json, "detail") ?? "")}`;
  if (/content_policy|safety|nsfw/i.test(type) || classifyFailureMessage(message) === "safety") return "safety";
  // fal's own balance errors arrive as 403 "locked"/"exhausted balance".
  if (/balance|locked|billing/i.test(message ?? "")) return "quota";
  return classFromHttpStatus(response.status);
}

export function falOutputs(json: unknown): ProviderOutput[] {
  const images = field(json, "images");
  if (!Array.isArray(images)) return [];
  return images.flatMap((image): ProviderOutput[] => {
    const url = str(field(image, "url"));
    if (!url) return [];
    const width = field(image, "width");
    const height = field(image, "height");
    const type = str(field(image, "content_type"));
    return [{ url, ...(typeof width === "number" ? { width } : {}), ...(typeof height === "number" ? { height } : {}), ...(type ? { format: type.replace(/^image\//, "") } : {}) }];
  });
}

/** A finished request's result: images, or the failure the result endpoint reported. */
export function parseFalResult(response: HttpResponse): StatusResult {
  if (response.status >= 300) {
    const message = falDetailMessage(response.json) ?? `fal answered HTTP ${response.status}`;
    if (/cancel/i.test(message)) return { status: "cancelled", outputs: [], raw: response.json };
    return { status: "failed", outputs: [], error: { class: falClass(response, message), message }, raw: response.json };
  }
  const outputs = falOutputs(response.json);
  if (!outputs.length) return { status: "failed", outputs: [], error: { class: "transient", message: "fal returned no images" }, raw: response.json };
  return { status: "succeeded", outputs, raw: response.json };
}

export function falError(response: HttpResponse, options: { submit: boolean }): ProviderError | null {
  if (response.status < 300 && response.json !== undefined) return null;
  const message = falDetailMessage(response.json) ?? `HTTP ${response.status}`;
  return new ProviderError(response.status < 300 ? "transient" : falClass(response, message), `fal: ${message}`, {
    providerCode: response.headers.get("x-fal-error-type") ?? response.status,
    httpStatus: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    ambiguous: options.submit && (response.status === 504 || response.status < 300),
  });
}
