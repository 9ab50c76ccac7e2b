import { submitToProvider } from "@/lib/generations/submit-to-provider";
import { log } from "@/lib/observability/log";

// First attempts still running in this process, for a graceful shutdown to wait on. Kept on globalThis under a
// registered symbol because `npm start` loads lib/ twice in one process (inside Next's bundle, and through tsx for
// scripts/server.ts's fast paths), and the server must see the attempts both started.
const IN_FLIGHT = Symbol.for("asset-studio.first-submits-in-flight");
const registry = globalThis as typeof globalThis & { [IN_FLIGHT]?: Set<Promise<void>> };
const inFlight = () => (registry[IN_FLIGHT] ??= new Set());

/**
 * Sends a generation its caller has just created to its provider from this process, without waiting for it and
 * without a queue hop in between: the submit starts right after the generation's commit instead of after a worker's
 * fetch (BENCHMARKS.md "Submit overhead"). The backstop job committed with the generation (enqueueFirstSubmit) runs a
 * few seconds later and finds it sent, or sends it itself if this process died first; the exclusive submit claim keeps
 * the two from ever both sending it. Only for a generation this request created, never for an idempotent replay.
 */
export function startFirstSubmit(generationId: string): void {
  const attempt: Promise<void> = submitToProvider({ generationId, attempt: 0 })
    .catch((error: unknown) => {
      // Whatever failed has been handed on (submitToProvider schedules its follow-up) or is the backstop's to redo.
      log("submit").error({ err: error, generationId }, "first submit attempt failed");
    })
    .finally(() => inFlight().delete(attempt));
  inFlight().add(attempt);
}

/**
 * Waits up to `timeoutMs` for this process's first attempts to finish, so that a shutdown doesn't cut one off between
 * sending and recording (its generation would then wait out the claim's lease before being reconciled). Returns how
 * many were still running.
 */
export async function settleFirstSubmits(timeoutMs: number): Promise<number> {
  const running = [...inFlight()];
  if (running.length === 0) return 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([Promise.allSettled(running), timeout]);
  clearTimeout(timer);
  return inFlight().size;
}
