"use client";

import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { cn } from "@/app/_components/cn";
import type { ActiveSpendAlertDto } from "@/lib/spend-alerts/active-alert-schemas";
import { GENERATION_SUBMITTED_EVENT } from "./projects/[projectId]/_components/generate/submitted-event";

// The layout is not re-rendered by a generation submitted from the panel, yet the submit that crosses 80 % is exactly
// when the banner must appear: so it re-reads its alerts after every submit (and on focus, and once a minute).
const REFRESH_MS = 60_000;

export function SpendBannerLive(props: { teamId: string; initial: ActiveSpendAlertDto[] }) {
  const [alerts, setAlerts] = useState(props.initial);
  const { teamId } = props;
  const refresh = useCallback(async () => {
    const response = await fetch(`/api/v1/teams/${encodeURIComponent(teamId)}/spend-alerts/active`, { cache: "no-store" }).catch(() => null);
    if (!response?.ok) return;
    const body = (await response.json()) as { data: ActiveSpendAlertDto[] };
    setAlerts(body.data);
  }, [teamId]);
  useEffect(() => setAlerts(props.initial), [props.initial]);
  useEffect(() => {
    const onSubmitted = (e: Event) => {
      const state = (e as CustomEvent<{ state: string }>).detail?.state;
      if (state === "queued" || state === "failed") void refresh();
    };
    const onFocus = () => void refresh();
    window.addEventListener(GENERATION_SUBMITTED_EVENT, onSubmitted);
    window.addEventListener("focus", onFocus);
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      window.removeEventListener(GENERATION_SUBMITTED_EVENT, onSubmitted);
      window.removeEventListener("focus", onFocus);
      clearInterval(timer);
    };
  }, [refresh]);
  if (alerts.length === 0) return null;
  const reached = alerts.some((a) => a.threshold >= 100);
  return (
    <section
      aria-label="Spend limit warnings"
      className={cn(
        "border-b px-3 py-2 sm:px-5 lg:px-8",
        reached ? "border-destructive/30 bg-destructive/10 text-destructive" : "border-warning/30 bg-warning/10 text-warning",
      )}
    >
      <ul className="mx-auto grid w-full max-w-[1600px] gap-1">
        {alerts.slice(0, 3).map((a) => (
          <li key={a.id} className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
            <TriangleAlert aria-hidden className="size-4 shrink-0 self-center" />
            <strong className="font-semibold">{capitalize(a.title)}.</strong>
            <span className="min-w-0 text-foreground/80">{a.text}</span>
            <Link href={a.href} className="font-medium underline underline-offset-2">See spend</Link>
          </li>
        ))}
        {alerts.length > 3 ? <li className="text-xs text-foreground/70">and {alerts.length - 3} more limits at 80 % or more.</li> : null}
      </ul>
    </section>
  );
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
