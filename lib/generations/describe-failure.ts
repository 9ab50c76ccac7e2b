import type { ErrorClass } from "@/lib/generated/prisma/enums";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";

// What people read when a job fails: what happened and what to do, in one sentence, with the provider's own words
// after it for whoever has to look into it.
const PLAIN: Record<ErrorClass, string> = {
  auth: "The provider refused our key. Check the team's provider credentials.",
  quota: "The provider account has run out of credit or quota. Top it up or choose another provider.",
  safety: "The provider's content filter refused this prompt or image. Rephrase it and try again.",
  rate_limited: "The provider kept asking us to slow down, so we gave up. Try again in a minute.",
  invalid_input: "The provider could not accept these settings.",
  transient: "The provider had a problem making this image. Try again.",
  timeout: "The provider did not finish in time, so we stopped waiting.",
  internal: "Something went wrong on our side.",
};

export function describeFailure(options: { errorClass: ErrorClass; provider: ProviderId; detail?: string }): string {
  const detail = options.detail?.trim();
  const plain = PLAIN[options.errorClass];
  return detail ? `${plain} (${PROVIDER_LABELS[options.provider]}: ${detail.slice(0, 300)})` : plain;
}
