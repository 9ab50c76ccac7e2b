import pg from "pg";
import { env } from "@/lib/env";
import { drainWebhookEvents } from "@/lib/webhooks/drain-webhook-events";
import { WEBHOOK_EVENTS_CHANNEL } from "@/lib/webhooks/wake-drain";
import { log } from "@/lib/observability/log";

// A NOTIFY burst (one per stored event, up to thousands a second) is coalesced: the drain runs this long after the
// first notification, so one claim covers many events. Short next to a provider's status call, which the sync makes.
const COALESCE_MS = 20;
// Catches what NOTIFY cannot: events stored while no worker listened (all stopped, LISTEN connection reconnecting).
const SWEEP_MS = 5_000;
const RECONNECT_MS = 1_000;
const BATCH = 500;

/**
 * Starts the worker's webhook drain (run-worker.ts): LISTENs on the intake's channel and drains on every wake-up,
 * plus a periodic sweep. Any number of workers may run it at once (drain-webhook-events.ts claims with SKIP LOCKED).
 * Returns a stop function that waits for a running drain. Its own LISTEN connection rather than lib/events'
 * subscribeToProject, which is bound to the studio-event channel and its per-project fan-out.
 */
export async function startWebhookDrain(): Promise<() => Promise<void>> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let listener: pg.Client | null = null;

  const drainAll = async () => {
    do {
      again = false;
      try {
        // Loop while batches come back full; a wake-up that arrives meanwhile sets `again` for one more pass.
        while (!stopped && (await drainWebhookEvents({ batchSize: BATCH })) === BATCH) {
          /* next batch */
        }
      } catch (error) {
        // The rows stay unprocessed; the next wake-up or sweep retries them.
        log("webhooks").error({ err: error }, "webhook drain failed");
        return;
      }
    } while (again && !stopped);
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      running = drainAll().finally(() => (running = null));
    }, delayMs);
  };

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      if (listener === client) listener = null;
      client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void listen().catch(() => undefined), RECONNECT_MS);
    };
    client.on("notification", (message) => {
      if (message.channel === WEBHOOK_EVENTS_CHANNEL) schedule(COALESCE_MS);
    });
    client.on("error", retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${WEBHOOK_EVENTS_CHANNEL}`);
    } catch (error) {
      retry();
      throw error;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    // Whatever arrived while not listening is found by this drain.
    schedule(0);
  };

  await listen().catch((error: unknown) => log("webhooks").error({ err: error }, "webhook LISTEN failed; sweeping only until it reconnects"));
  const sweep = setInterval(() => schedule(0), SWEEP_MS);

  return async function stop() {
    stopped = true;
    clearInterval(sweep);
    if (timer) clearTimeout(timer);
    await running;
    await listener?.end().catch(() => undefined);
  };
}
