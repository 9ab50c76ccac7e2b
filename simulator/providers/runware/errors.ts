import type { ProviderErrors, Reply } from "../../core/types";

// Runware reports every failure as an `errors` array, each entry scoped to a task (providers.md §3.4).
export interface RunwareIssue {
  code: string;
  message: string;
  parameter?: string;
  taskType?: string;
  taskUUID?: string;
}

export const runwareReply = (status: number, errors: RunwareIssue[], headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { errors },
});

// HTTP status a task-level error maps to when it is the only thing in the response.
export const STATUS_OF: Record<string, number> = {
  missingApiKey: 401,
  invalidApiKey: 401,
  insufficientCredits: 402,
  rateLimitExceeded: 429,
  internalServerError: 500,
  taskNotFound: 404,
};

export const runwareErrors: ProviderErrors = {
  rateLimited: (retryAfter) =>
    runwareReply(429, [{ code: "rateLimitExceeded", message: "Queue capacity reached, retry with backoff" }], {
      "retry-after": String(retryAfter),
    }),
  serverError: (status = 500) =>
    runwareReply(status, [{ code: "internalServerError", message: "Internal server error, retry with backoff" }]),
  quotaExhausted: () =>
    runwareReply(402, [{ code: "insufficientCredits", message: "Insufficient credits. Top up at https://my.runware.ai/wallet", taskType: "imageInference" }]),
  notFound: () => runwareReply(404, [{ code: "notFound", message: "Endpoint not found; POST task arrays to /v1" }]),
  badRequest: (message) => runwareReply(400, [{ code: "invalidPayload", message }]),
};

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
