import { classifyFailureMessage } from "@/lib/providers/classify-failure";
import { ProviderError, classFromHttpStatus, parseRetryAfter } from "@/lib/providers/provider-error";
import { field, str, type HttpResponse } from "@/lib/providers/http";
import type { ErrorClass, StatusResult, TaskStatus } from "@/lib/providers/types";

// WaveSpeed prediction (`data` of the result envelope, or the webhook body) → StatusResult (providers.md §2.1–2.4).
const STATUS: Record<string, TaskStatus> = { created: "queued", processing: "running", completed: "succeeded", failed: "failed" };

export function waveSpeedStatus(value: unknown): TaskStatus | undefined {
  return typeof value === "string" ? STATUS[value] : undefined;
}

// Task error codes (WS error-codes): 1200 moderation, 14xx request problems, 5xxx retryable.
function codeClass(code: number): ErrorClass | undefined {
  if (code === 1200) return "safety";
  if (code === 1400 || code === 1401 || code === 1402) return "invalid_input";
  if (code === 1403 || code === 1405 || (code >= 5000 && code < 6000)) return "transient";
  return undefined;
}

export function parseWaveSpeedPrediction(data: unknown, envelopeCode?: unknown): StatusResult {
  const status = waveSpeedStatus(field(data, "status")) ?? "running";
  const outputs = field(data, "outputs");
  const message = str(field(data, "error"));
  const errorClass = (typeof envelopeCode === "number" ? codeClass(envelopeCode) : undefined) ?? classifyFailureMessage(message);
  return {
    status,
    outputs: status === "succeeded" && Array.isArray(outputs) ? outputs.filter((u): u is string => typeof u === "string").map((url) => ({ url })) : [],
    ...(status === "failed" ? { error: { class: errorClass, message: message ?? "WaveSpeed reported the task failed" } } : {}),
    raw: data,
  };
}

/** The error in a WaveSpeed HTTP answer (non-2xx, or an envelope whose code is not 200), else null. */
export function waveSpeedError(response: HttpResponse, options: { submit: boolean }): ProviderError | null {
  const code = field(response.json, "code");
  const ok = response.status >= 200 && response.status < 300 && (code === undefined || code === 200);
  if (ok && field(response.json, "data") !== undefined) return null;
  const message = str(field(response.json, "message")) ?? str(field(response.json, "error")) ?? `WaveSpeed answered HTTP ${response.status}`;
  let errorClass = response.status >= 300 ? classFromHttpStatus(response.status) : ((typeof code === "number" ? codeClass(code) : undefined) ?? "transient");
  if (/insufficient|balance|credit/i.test(message)) errorClass = "quota";
  return new ProviderError(errorClass, `WaveSpeed: ${message}`, {
    providerCode: typeof code === "number" ? code : response.status,
    httpStatus: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    ambiguous: options.submit && (response.status === 504 || ok),
  });
}
