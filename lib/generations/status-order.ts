import type { GenerationStatus } from "@/lib/generated/prisma/enums";

// Statuses only move forward. A late "processing" webhook after "succeeded" must change nothing, so every
// transition is a conditional update from the statuses that may precede the target.
const RANK: Record<GenerationStatus, number> = {
  queued: 0,
  submitted: 1,
  running: 2,
  succeeded: 3,
  failed: 3,
  cancelled: 3,
};

export const TERMINAL_STATUSES: GenerationStatus[] = ["succeeded", "failed", "cancelled"];
export const ACTIVE_STATUSES: GenerationStatus[] = ["queued", "submitted", "running"];

export function isTerminal(status: GenerationStatus): boolean {
  return RANK[status] === 3;
}

/** The statuses a generation may be in for a move to `to` to be allowed. */
export function statusesBefore(to: GenerationStatus): GenerationStatus[] {
  return (Object.keys(RANK) as GenerationStatus[]).filter((s) => RANK[s] < RANK[to]);
}
