import { ProviderError, classFromHttpStatus, parseRetryAfter } from "@/lib/providers/provider-error";
import { classifyFailureMessage } from "@/lib/providers/classify-failure";
import { field, str, usdToMicros, type HttpResponse } from "@/lib/providers/http";
import type { ErrorClass, ProviderOutput, StatusResult, TaskStatus } from "@/lib/providers/types";

// Segmind v2 answers → StatusResult / ProviderError (providers.md §4; api-evangelist/segmind error table).
const STATUS: Record<string, TaskStatus> = { QUEUED: "queued", PROCESSING: "running", COMPLETED: "succeeded", FAILED: "failed" };

export function segmindStatus(value: unknown): TaskStatus | undefined {
  return typeof value === "string" && Object.hasOwn(STATUS, value.toUpperCase()) ? STATUS[value.toUpperCase()] : undefined;
}

// The Kling page does not show the output's shape: accept a URL, a list of URLs, or objects carrying `url`.
export function segmindOutputs(output: unknown): ProviderOutput[] {
  const list = Array.isArray(output) ? output : output === undefined || output === null ? [] : [output];
  return list.flatMap((item): ProviderOutput[] => {
    const url = typeof item === "string" ? item : (str(field(item, "url")) ?? str(field(item, "image")));
    return url && /^https?:\/\//.test(url) ? [{ url }] : [];
  });
}

export function parseSegmindResult(response: HttpResponse): StatusResult {
  const json = response.json;
  // A failed v2 job answers 422 {"status":"FAILED","error":…} on the response URL; it is not billed.
  const failed = response.status === 422 || segmindStatus(field(json, "status")) === "failed";
  const outputs = failed ? [] : segmindOutputs(field(json, "output"));
  const cost = usdToMicros(field(json, "metrics", "cost")) ?? usdToMicros(response.headers.get("x-cost"));
  const message = str(field(json, "error"));
  if (failed || !outputs.length)
    return { status: "failed", outputs: [], error: { class: classifyFailureMessage(message), message: message ?? "Segmind returned no image" }, raw: json };
  return { status: "succeeded", outputs, ...(cost !== undefined ? { providerCostMicros: cost } : {}), raw: json };
}

function segmindClass(status: number, message: string): ErrorClass {
  // 406 = insufficient credits or a team spend limit (or a wrong content type, which we never send).
  if (status === 406) return "quota";
  const byStatus = classFromHttpStatus(status);
  if (byStatus !== "invalid_input") return byStatus;
  return classifyFailureMessage(message) === "safety" ? "safety" : "invalid_input";
}

export function segmindError(response: HttpResponse, options: { submit: boolean; now?: number }): ProviderError | null {
  if (response.status < 300 && response.json !== undefined) return null;
  const message = str(field(response.json, "error")) ?? str(field(response.json, "message")) ?? `HTTP ${response.status}`;
  // 429 carries no Retry-After, only the reset instant.
  const resetAt = Date.parse(response.headers.get("x-rate-limit-reset-at-utc") ?? "");
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after")) ?? (Number.isNaN(resetAt) ? undefined : Math.max(0, resetAt - (options.now ?? Date.now())));
  return new ProviderError(response.status < 300 ? "transient" : segmindClass(response.status, message), `Segmind: ${message}`, {
    providerCode: response.status,
    httpStatus: response.status,
    retryAfterMs,
    // Segmind submits are not idempotent (every POST is a new billable job), so any doubt must be flagged.
    ambiguous: options.submit && (response.status === 504 || response.status === 502 || response.status < 300),
  });
}
