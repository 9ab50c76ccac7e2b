import { AsyncLocalStorage } from "node:async_hooks";

// What every log line of one unit of work carries: the HTTP request that started it, the job running it, the
// generation it is about. AsyncLocalStorage follows it through awaits without threading an argument through every
// function; enqueue() copies the request id into the jobs it sends and the worker restores it, so one id follows a
// generation from the submit request through its submit, poll, sync and ingest jobs (lib/observability/log.ts).
export type LogContext = { requestId?: string; jobId?: string; job?: string; generationId?: string; outputId?: string };

const storage = new AsyncLocalStorage<LogContext>();

export function logContext(): LogContext {
  return storage.getStore() ?? {};
}

/** Runs `fn` with `fields` added to the current context (inner fields win). */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...logContext(), ...fields }, fn);
}
