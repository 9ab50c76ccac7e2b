import { ProviderError, classFromHttpStatus, parseRetryAfter } from "@/lib/providers/provider-error";
import { field, str, type HttpResponse } from "@/lib/providers/http";
import type { ErrorClass } from "@/lib/providers/types";

// Runware answers `{ errors: [{ code, message, parameter, taskType, taskUUID? }] }` (providers.md §3.4). Codes are
// camelCase words (e.g. invalidApiKey); the full list is not published, so the words are read.
export type RunwareErrorItem = { code?: string; message?: string; taskUUID?: string };

export function runwareErrorItems(json: unknown): RunwareErrorItem[] {
  const errors = field(json, "errors");
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => ({ code: str(field(e, "code")), message: str(field(e, "message")), taskUUID: str(field(e, "taskUUID")) }));
}

export function runwareCodeClass(code: string | undefined, message?: string): ErrorClass | undefined {
  const text = `${code ?? ""} ${message ?? ""}`;
  if (/api ?key|auth|unauthori|forbidden|permission/i.test(text)) return "auth";
  if (/credit|balance|payment|insufficient/i.test(text)) return "quota";
  if (/nsfw|safety|moderat|content ?polic/i.test(text)) return "safety";
  if (/rate ?limit|too ?many|capacity|throttl/i.test(text)) return "rate_limited";
  if (/timeout|unavailable|internal|server/i.test(text)) return "transient";
  return undefined;
}

export function isRunwareNotFound(response: HttpResponse): boolean {
  return response.status === 404 || runwareErrorItems(response.json).some((e) => /not ?found|does ?not ?exist|unknown ?task/i.test(`${e.code} ${e.message}`));
}

/** An error for a whole request (auth, balance, limits, server), or null when the body is usable. */
export function runwareRequestError(response: HttpResponse, options: { submit: boolean }): ProviderError | null {
  const items = runwareErrorItems(response.json);
  if (response.status < 300 && !items.length && field(response.json, "data") !== undefined) return null;
  const first = items[0];
  const errorClass = response.status >= 400 ? (runwareCodeClass(first?.code, first?.message) ?? classFromHttpStatus(response.status)) : (runwareCodeClass(first?.code, first?.message) ?? "invalid_input");
  return new ProviderError(errorClass, `Runware: ${first?.message ?? `HTTP ${response.status}`}`, {
    providerCode: first?.code ?? response.status,
    httpStatus: response.status,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
    ambiguous: options.submit && (response.status === 504 || (response.status < 300 && !items.length)),
  });
}

/**
 * The error a getResponse answer carries about the request itself, or null when the body describes the task. Entries
 * scoped to the polled taskUUID are the task's own outcome (providers.md §3.3 "returns full state each time", §3.4
 * "per-task scoping"): a moderated or failed task answers `{ data: [], errors: [{ code, taskUUID }] }`, often with a
 * 4xx status, and must become a failed status, not a failed poll. Credentials, limits and 5xx stay request errors.
 */
export function runwarePollError(response: HttpResponse, taskUUID: string): ProviderError | null {
  const requestLevel = [401, 402, 403, 429].includes(response.status) || response.status >= 500 || !response.json;
  const aboutTask = runwareErrorItems(response.json).some((e) => e.taskUUID === taskUUID);
  if (!requestLevel && aboutTask) return null;
  if (response.status < 300 && response.json) return null;
  const error = runwareRequestError(response, { submit: false });
  // Anything else unreadable as a request error (a 400 about the task's shape) is left for the parser to report.
  return error && error.errorClass !== "invalid_input" ? error : null;
}
