import { submitToProvider } from "@/lib/generations/submit-to-provider";

/**
 * Sends a generation its caller has just created to its provider from this process, without waiting for it and
 * without a queue hop in between: the submit starts right after the generation's commit instead of after a worker's
 * fetch (BENCHMARKS.md "Submit overhead"). The backstop job committed with the generation (enqueueFirstSubmit) runs a
 * few seconds later and finds it sent, or sends it itself if this process died first; the exclusive submit claim keeps
 * the two from ever both sending it. Only for a generation this request created, never for an idempotent replay.
 */
export function startFirstSubmit(generationId: string): void {
  submitToProvider({ generationId, attempt: 0 }).catch((error: unknown) => {
    // Whatever failed has been handed on (submitToProvider schedules its follow-up) or is the backstop's to redo.
    console.error(`[submit] first attempt for ${generationId} failed`, error);
  });
}
