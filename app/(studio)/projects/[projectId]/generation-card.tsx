"use client";

import { useState } from "react";
import { Loader2, RotateCcw, Square, TriangleAlert, X } from "lucide-react";
import type { GenerationDto } from "@/lib/generations/generation-dto";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { cn } from "@/app/_components/cn";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { LostImagesNotice } from "./lost-images-notice";

export const ACTIVE_STATUSES = new Set(["queued", "submitted", "running"]);

const STATUS_LABEL: Record<string, string> = { queued: "Queued", submitted: "Sent", running: "Running", failed: "Failed", cancelled: "Cancelled", succeeded: "Done" };

function elapsed(from: string, to: number) {
  const seconds = Math.max(0, Math.round((to - Date.parse(from)) / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
}

function endedAt(g: GenerationDto) {
  const t = g.timings.failedAt ?? g.timings.cancelledAt ?? g.timings.succeededAt;
  return t ? Date.parse(t) : null;
}

/** One row of the live queue: what is being made, how long it has taken, and the one action that fits its state. */
export function GenerationCard(props: {
  generation: GenerationDto;
  canEdit: boolean;
  now: number;
  onCancel: (g: GenerationDto) => Promise<void>;
  onRetry: (g: GenerationDto) => Promise<void>;
  onDismiss: (g: GenerationDto) => void;
}) {
  const { generation: g, canEdit, now } = props;
  const [pending, setPending] = useState(false);
  const active = ACTIVE_STATUSES.has(g.status);
  const params = g.parameters as Record<string, unknown>;
  const count = Number(params.num_images ?? 1);
  const act = (fn: (g: GenerationDto) => Promise<void>) => async () => {
    setPending(true);
    await fn(g).finally(() => setPending(false));
  };
  return (
    <article aria-label={`Generation: ${g.prompt.slice(0, 60)}`} data-status={g.status} data-generation-id={g.id}
      className={cn("grid gap-1.5 rounded-lg border bg-card px-3 py-2.5", g.status === "failed" ? "border-destructive/40" : "border-border")}>
      <div className="flex items-center gap-2 text-[13px]">
        <Badge variant={g.status === "failed" || g.status === "cancelled" ? "destructive" : "warning"} className="shrink-0">
          {active ? <Loader2 aria-hidden className="size-3 animate-spin" /> : null}{STATUS_LABEL[g.status] ?? g.status}
        </Badge>
        <p className="min-w-0 flex-1 truncate" title={g.prompt}>{g.prompt}</p>
        <span className="shrink-0 text-muted-foreground tabular-nums" title="Time since it was queued">
          <span className="sr-only">Elapsed </span>{elapsed(g.timings.queuedAt, endedAt(g) ?? now)}
        </span>
        {canEdit && active ? (
          <Button variant="ghost" size="sm" disabled={pending} onClick={act(props.onCancel)}><Square aria-hidden /> Cancel</Button>
        ) : null}
        {canEdit && !active ? (
          <Button variant="ghost" size="sm" disabled={pending} onClick={act(props.onRetry)}><RotateCcw aria-hidden /> Retry</Button>
        ) : null}
        {!active ? (
          <Button variant="ghost" size="icon-sm" onClick={() => props.onDismiss(g)} aria-label="Dismiss" title="Dismiss"><X aria-hidden /></Button>
        ) : null}
      </div>
      <p className="text-xs text-muted-foreground">
        {count} {count === 1 ? "image" : "images"} · {g.model} · {PROVIDER_LABELS[g.provider as ProviderId] ?? g.provider} · {String(params.aspect_ratio ?? "")} · {String(params.resolution ?? "")}
      </p>
      {g.error?.message ? (
        <p className="flex items-start gap-1.5 text-[13px] text-destructive"><TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />{g.error.message}</p>
      ) : null}
      <LostImagesNotice generation={g} />
    </article>
  );
}
