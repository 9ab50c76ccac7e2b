import type { ErrorClass } from "@/lib/providers/types";

// Failed tasks usually come back with only a sentence (Kling task_status_msg, WaveSpeed/fal error strings). The
// class decides retry vs give-up, so read the words: moderation is final, bad input is final, the rest may pass
// on a retry.
const SAFETY = /safety|moderat|sensitive|nsfw|inappropriate|policy|risk control|content.?(filter|check)|违规|敏感/i;
const INPUT = /invalid|parameter|not supported|unsupported|too (large|small|long)|format|dimension|could not (download|fetch)|not accessible/i;

export function classifyFailureMessage(message: string | undefined): ErrorClass {
  if (!message) return "transient";
  if (SAFETY.test(message)) return "safety";
  if (INPUT.test(message)) return "invalid_input";
  return "transient";
}
