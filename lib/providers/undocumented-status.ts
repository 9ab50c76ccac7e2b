import type { ProviderId } from "@/lib/kling/providers";
import type { StatusResult } from "@/lib/providers/types";

/**
 * A status word none of the provider's documents or official clients name. Guessing "still running" would leave
 * the job waiting until its deadline (and hide the change); guessing success could record images that aren't
 * there. So the job fails at once, is logged for whoever maps the new word, and says why. The class is transient:
 * nothing suggests the request was wrong, so trying again is the honest advice.
 */
export function undocumentedStatus(provider: ProviderId, value: unknown, raw: unknown): StatusResult {
  const word = typeof value === "string" ? value : JSON.stringify(value ?? null);
  console.warn(`[providers] ${provider} reported an undocumented status ${word}; failing the job instead of waiting`, raw);
  return {
    status: "failed",
    outputs: [],
    error: { class: "transient", message: `reported a status no ${provider} document describes (${word.slice(0, 40)}), so we stopped waiting for this job` },
    raw,
  };
}
