// The NOTIFY channel on which webhook intake wakes the worker's drain (payload empty: the drain reads the table).
export const WEBHOOK_EVENTS_CHANNEL = "webhook_events";
