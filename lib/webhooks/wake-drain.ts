import { pgPool } from "@/lib/db-pool";
import { log } from "@/lib/observability/log";

// At most one wake-up NOTIFY per this many milliseconds from this process. A NOTIFY in every delivery's own commit
// serialises those commits on PostgreSQL's notification queue lock; the drain reads the table, not the payload, and
// coalesces wakes over 20 ms anyway, so one wake per window loses nothing but a few milliseconds.
const WINDOW_MS = 10;

let pending: Promise<void> | null = null;
let again = false;

/**
 * Wakes the worker's webhook drain (start-webhook-drain.ts) after an event was committed. Leading and trailing edge:
 * the first call notifies at once; calls while that is in flight or inside the window lead to one more notify at
 * its end, so the last committed event is always followed by a wake.
 */
export function wakeDrain(): void {
  if (pending) {
    again = true;
    return;
  }
  pending = (async () => {
    do {
      again = false;
      await pgPool()
        .query({ name: "wake-drain", text: "SELECT pg_notify($1, '')", values: [WEBHOOK_EVENTS_CHANNEL] })
        // The drain's periodic sweep picks the event up if this wake is lost.
        .catch((error: unknown) => log("webhooks").error({ err: error }, "drain wake failed"));
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    } while (again);
    pending = null;
  })();
}

// The NOTIFY channel on which webhook intake wakes the worker's drain (payload empty: the drain reads the table).
export const WEBHOOK_EVENTS_CHANNEL = "webhook_events";
