import { classifyFailureMessage } from "@/lib/providers/classify-failure";
import { ProviderError, classFromHttpStatus, parseRetryAfter } from "@/lib/providers/provider-error";
import { field, str, type HttpResponse } from "@/lib/providers/http";
import { undocumentedStatus } from "@/lib/providers/undocumented-status";
import type { ErrorClass, StatusResult, TaskStatus } from "@/lib/providers/types";

// WaveSpeed prediction (`data` of the result envelope, or the webhook body) → StatusResult (providers.md §2.1–2.4).
// created → processing → completed | failed are the documented lifecycle; the official client
// (wavespeed-javascript src/api/client.ts, TERMINAL_FAILURE_STATUSES) also ends on cancelled, timeout and deleted.
const STATUS: Record<string, TaskStatus> = {
  created: "queued",
  processing: "running",
  completed: "succeeded",
  failed: "failed",
  cancelled: "cancelled",
  timeout: "failed",
  deleted: "failed",
};

// What a terminal state other than `failed` means for the person who asked, when the prediction says no more.
const ENDED: Record<string, { class: ErrorClass; message: string }> = {
  timeout: { class: "transient", message: "WaveSpeed stopped the task: it ran out of time" },
  deleted: { class: "transient", message: "WaveSpeed deleted the task before it finished" },
};

export function waveSpeedStatus(value: unknown): TaskStatus | undefined {
  return typeof value === "string" && Object.hasOwn(STATUS, value) ? STATUS[value] : undefined;
}

/**
 * The task error `code` a failed prediction carries beside `error` (wavespeed.ai/docs/error-codes): 1200 content
 * moderation; the other 1xxx — 1400 missing and 1401 invalid parameter, 1402 media URL not accessible, 1403 task
 * execution failed, 1405 task failed — "review and correct your request"; 5xxx (5000 internal, 5003 unavailable,
 * 5004 timeout) "retry with exponential backoff". Undefined for 0 (success) and codes the page does not list.
 */
export function waveSpeedCodeClass(code: number): ErrorClass | undefined {
  if (code === 1200) return "safety";
  if (code >= 1000 && code < 2000) return "invalid_input";
  if (code >= 5000 && code < 6000) return "transient";
  return undefined;
}

export function parseWaveSpeedPrediction(data: unknown, envelopeCode?: unknown): StatusResult {
  const word = field(data, "status");
  const status = waveSpeedStatus(word);
  if (!status) return undocumentedStatus("wavespeed", word, data);
  const outputs = field(data, "outputs");
  const message = str(field(data, "error"));
  // The task code lives on the prediction; an envelope code other than 200 is read the same way as a fallback.
  const taskCode = field(data, "code");
  const code = typeof taskCode === "number" && taskCode !== 0 ? taskCode : typeof envelopeCode === "number" && envelopeCode !== 200 ? envelopeCode : undefined;
  const ended = typeof word === "string" ? ENDED[word] : undefined;
  const errorClass = (code !== undefined ? waveSpeedCodeClass(code) : undefined) ?? ended?.class ?? classifyFailureMessage(message);
  const text = message ?? ended?.message ?? "WaveSpeed reported the task failed";
  return {
    status,
    outputs: status === "succeeded" && Array.isArray(outputs) ? outputs.filter((u): u is string => typeof u === "string").map((url) => ({ url })) : [],
    ...(status === "failed" ? { error: { class: errorClass, message: code !== undefined ? `${text} (code ${code})` : text } } : {}),
    raw: data,
  };
}

/** The error in a WaveSpeed HTTP answer (non-2xx, or an envelope whose code is not 200), else null. */
export function waveSpeedError(response: HttpResponse, options: { submit: boolean }): ProviderError | null {
  const code = field(response.json, "code");
  const ok = response.status >= 200 && response.status < 300 && (code === undefined || code === 200);
  if (ok && field(response.json, "data") !== undefined) return null;
  const message = str(field(response.json, "message")) ?? str(field(response.json, "error")) ?? `WaveSpeed answered HTTP ${response.status}`;
  let errorClass = response.status >= 300 ? classFromHttpStatus(response.status) : ((typeof code === "number" ? waveSpeedCodeClass(code) : undefined) ?? "transient");
  if (/insufficient|balance|credit/i.test(message)) errorClass = "quota";
  return new ProviderError(errorClass, `WaveSpeed: ${message}`, {
    providerCode: typeof code === "number" ? code : response.status,
    httpStatus: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    ambiguous: options.submit && (response.status === 504 || ok),
  });
}
