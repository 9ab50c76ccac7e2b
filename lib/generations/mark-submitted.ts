import { pgPool } from "@/lib/db-pool";
import { EVENTS_CHANNEL } from "@/lib/events/studio-event";
import { eventPayload } from "@/lib/events/publish-event";
import { statusesBefore } from "@/lib/generations/status-order";

// transitionGeneration's move to "submitted" as one raw statement: the conditional update and its event's NOTIFY
// together, the NOTIFY only when the update moved the row. It ends every submit, so it is worth the plain pool
// (lib/db-pool.ts; BENCHMARKS.md "Submit overhead").
const MARK_SUBMITTED = {
  name: "generation-mark-submitted",
  text: `WITH moved AS (
           UPDATE "Generation" SET status = 'submitted', "providerTaskId" = $2, "submittedAt" = $3::timestamp, "updatedAt" = $3::timestamp
            WHERE id = $1 AND status = ANY($4::"GenerationStatus"[]) RETURNING id)
         SELECT pg_notify($5, $6) FROM moved`,
};

/**
 * Records that the provider accepted the job as `providerTaskId`. Like transitionGeneration, a no-op (false) when the
 * generation has already moved on — a cancel or a webhook got there first — so racing workers can't both win.
 */
export async function markSubmitted(options: { generationId: string; projectId: string; providerTaskId: string }): Promise<boolean> {
  const { generationId, projectId, providerTaskId } = options;
  const event = eventPayload({ type: "generation.status", projectId, generationId, status: "submitted" });
  const { rowCount } = await pgPool().query({
    ...MARK_SUBMITTED,
    values: [generationId, providerTaskId, new Date().toISOString(), statusesBefore("submitted"), EVENTS_CHANNEL, event],
  });
  return rowCount === 1;
}
