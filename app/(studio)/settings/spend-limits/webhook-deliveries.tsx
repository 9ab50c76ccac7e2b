"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ActionForm, SubmitButton } from "@/app/_components/action-form";
import { Badge } from "@/app/_components/ui/badge";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import type { SpendAlertDeliveryDto } from "@/lib/spend-alerts/alert-settings-schemas";
import { sendTestWebhookAction } from "./alert-actions";

// The test delivery is made by the worker a moment after "Send test" answers, so the page's render can't show it: the
// button announces the queued test and the list polls the deliveries route until a new attempt appears.
const TEST_QUEUED_EVENT = "spend-webhook-test-queued";
const POLL_MS = 1_000;
const POLL_FOR_MS = 30_000;

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function SendTestButton(props: { teamId: string }) {
  const announce = useCallback(() => window.dispatchEvent(new Event(TEST_QUEUED_EVENT)), []);
  return (
    <ActionForm action={sendTestWebhookAction} aria-label="Send a test delivery" onSuccess={announce}>
      <input type="hidden" name="teamId" value={props.teamId} />
      <SubmitButton variant="secondary" pendingLabel="Queueing…">Send test</SubmitButton>
    </ActionForm>
  );
}

export function DeliveriesList(props: { teamId: string; initial: SpendAlertDeliveryDto[] }) {
  const [deliveries, setDeliveries] = useState(props.initial);
  const [waiting, setWaiting] = useState(false);
  const known = useRef(new Set(props.initial.map((d) => d.id)));
  useEffect(() => {
    setDeliveries(props.initial);
    known.current = new Set(props.initial.map((d) => d.id));
  }, [props.initial]);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
      setWaiting(false);
    };
    const onQueued = () => {
      if (timer) return;
      const until = Date.now() + POLL_FOR_MS;
      setWaiting(true);
      timer = setInterval(async () => {
        const response = await fetch(`/api/v1/teams/${encodeURIComponent(props.teamId)}/spend-alert-settings/deliveries`, { cache: "no-store" }).catch(() => null);
        if (response?.ok) {
          const { data } = (await response.json()) as { data: SpendAlertDeliveryDto[] };
          setDeliveries(data);
          if (data.some((d) => !known.current.has(d.id))) {
            known.current = new Set(data.map((d) => d.id));
            stop();
            return;
          }
        }
        if (Date.now() > until) stop();
      }, POLL_MS);
    };
    window.addEventListener(TEST_QUEUED_EVENT, onQueued);
    return () => {
      window.removeEventListener(TEST_QUEUED_EVENT, onQueued);
      clearInterval(timer);
    };
  }, [props.teamId]);
  return (
    <section aria-labelledby="deliveries-heading" aria-busy={waiting} className="grid gap-2">
      <h3 id="deliveries-heading" className="text-sm font-medium">
        Deliveries{waiting ? <span className="ml-2 text-xs font-normal text-muted-foreground">waiting for the test…</span> : null}
      </h3>
      {deliveries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No deliveries yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <thead><tr><TableHead>When (UTC)</TableHead><TableHead>What</TableHead><TableHead>Result</TableHead><TableHead className="text-right">Time</TableHead></tr></thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <TableCell className="whitespace-nowrap tabular-nums">{when.format(new Date(d.createdAt))}</TableCell>
                  <TableCell>{d.alertId ? "Alert" : "Test"}{d.attempt > 1 ? ` · attempt ${d.attempt}` : ""}</TableCell>
                  <TableCell>
                    <Badge variant={d.status === "delivered" ? "success" : "destructive"}>{d.status === "delivered" ? "Delivered" : "Failed"}{d.responseCode ? ` · ${d.responseCode}` : ""}</Badge>
                    {d.error ? <span className="ml-2 text-xs break-words text-muted-foreground">{d.error}</span> : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{d.durationMs} ms</TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
