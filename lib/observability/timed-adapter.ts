import type { ProviderAdapter } from "@/lib/providers/types";
import { log } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";

/**
 * The adapter with its calls to the provider's API timed (studio_provider_request_duration_seconds) and its submits
 * counted, in whichever process makes them. Wrapped where adapters are built (lib/providers-config/cached-adapter.ts),
 * so every caller is measured and no adapter knows about metrics. Webhook verification is local work, not a call.
 */
export function timedAdapter(adapter: ProviderAdapter): ProviderAdapter {
  const provider = adapter.provider;
  function timed<A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) {
    return async (...args: A): Promise<R> => {
      const started = performance.now();
      const done = (outcome: "ok" | "error") => {
        const seconds = (performance.now() - started) / 1000;
        metrics().providerLatency.observe({ provider, operation, outcome }, seconds);
        if (operation === "submit") metrics().providerSubmits.inc({ provider, outcome });
        log("providers").debug({ provider, operation, outcome, durationMs: Math.round(seconds * 1000) }, "provider call");
      };
      try {
        const result = await call(...args);
        done("ok");
        return result;
      } catch (error) {
        done("error");
        throw error;
      }
    };
  }
  return {
    provider,
    submit: timed("submit", (request) => adapter.submit(request)),
    getStatus: timed("getStatus", (request) => adapter.getStatus(request)),
    findByCorrelationId: adapter.findByCorrelationId
      ? timed("findByCorrelationId", (request) => adapter.findByCorrelationId!(request))
      : undefined,
    verifyWebhook: (request) => adapter.verifyWebhook(request),
    cancel: adapter.cancel ? timed("cancel", (request) => adapter.cancel!(request)) : undefined,
    enhancePrompt: adapter.enhancePrompt ? timed("enhancePrompt", (request) => adapter.enhancePrompt!(request)) : undefined,
    elements: adapter.elements
      ? {
          account: adapter.elements.account,
          create: timed("elementCreate", (request) => adapter.elements!.create(request)),
          poll: timed("elementPoll", (taskId) => adapter.elements!.poll(taskId)),
          remove: timed("elementRemove", (elementId) => adapter.elements!.remove(elementId)),
        }
      : undefined,
  };
}
