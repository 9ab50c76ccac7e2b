"use client";

import { useEffect, useState } from "react";
import { Loader2 } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { GenerationDto } from "@/lib/generations/generation-dto";
import { useAnnounce } from "@/app/_components/live-region";
import { ACTIVE_STATUSES, GenerationCard } from "../generation-card";
import { api, queueKey, upsertGeneration } from "./gallery-api";
import { GENERATION_SUBMITTED_EVENT, type GenerationSubmittedDetail, type PendingGeneration } from "../_components/generate/submitted-event";

const FAILED_SHOWN_MS = 24 * 3600_000;
const DISMISSED_KEY = "queue-dismissed:";

/**
 * Work in progress: queued and running generations (with cancel) and recent failures (with retry), kept current by
 * the event stream (LiveRefresh patches the same cache). Finished ones leave: their images are in the gallery — unless
 * an image was lost after it was paid for, which is said here (LostImagesNotice).
 */
export function LiveQueue({ projectId, canEdit, initial }: { projectId: string; canEdit: boolean; initial: GenerationDto[] }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const { data = [] } = useQuery({
    queryKey: queueKey(projectId),
    queryFn: () => api<{ data: GenerationDto[] }>(`/api/v1/projects/${projectId}/generations?limit=30`).then((r) => r.data),
    initialData: initial,
  });
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  // Submits the panel has sent but the server hasn't answered yet: shown at once, replaced by the real generation.
  const [sending, setSending] = useState<ReadonlyMap<string, PendingGeneration>>(new Map());
  useEffect(() => {
    const onSubmitted = (event: Event) => {
      const detail = (event as CustomEvent<GenerationSubmittedDetail>).detail;
      setSending((current) => {
        const next = new Map(current);
        if (detail.state === "pending") next.set(detail.clientId, detail.pending);
        else next.delete(detail.clientId);
        return next;
      });
      if (detail.state === "queued") upsertGeneration(client, projectId, detail.generation);
    };
    window.addEventListener(GENERATION_SUBMITTED_EVENT, onSubmitted);
    return () => window.removeEventListener(GENERATION_SUBMITTED_EVENT, onSubmitted);
  }, [client, projectId]);
  useEffect(() => {
    setDismissed(new Set(JSON.parse(sessionStorage.getItem(DISMISSED_KEY + projectId) ?? "[]") as string[]));
  }, [projectId]);
  const [now, setNow] = useState(() => Date.now());
  const shown = data.filter(
    (g) =>
      ACTIVE_STATUSES.has(g.status) ||
      // Failures, and finished work that lost a paid image (issue 16 point 5): the gallery shows neither.
      ((g.status === "failed" || g.lostImages) && !dismissed.has(g.id) && now - Date.parse(g.createdAt) < FAILED_SHOWN_MS),
  );
  const ticking = shown.some((g) => ACTIVE_STATUSES.has(g.status));
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);

  const dismiss = (g: GenerationDto) => {
    const next = new Set(dismissed).add(g.id);
    setDismissed(next);
    sessionStorage.setItem(DISMISSED_KEY + projectId, JSON.stringify([...next].slice(-200)));
  };
  const onCancel = async (g: GenerationDto) => {
    try {
      upsertGeneration(client, projectId, await api<GenerationDto>(`/api/v1/generations/${g.id}/cancel`, { method: "POST" }));
      announce("Generation cancelled.");
    } catch (error) {
      toast.error((error as Error).message);
    }
  };
  const onRetry = async (g: GenerationDto) => {
    try {
      const created = await api<GenerationDto>(`/api/v1/generations/${g.id}/rerun`, { method: "POST", body: JSON.stringify({}) });
      dismiss(g);
      upsertGeneration(client, projectId, created);
      announce("Queued again.");
    } catch (error) {
      toast.error((error as Error).message);
    }
  };

  if (shown.length === 0 && sending.size === 0) return null;
  const running = shown.filter((g) => ACTIVE_STATUSES.has(g.status)).length + sending.size;
  return (
    <section aria-label="Queue" className="grid gap-2">
      <h2 className="text-sm font-semibold">
        {running > 0 ? `In progress (${running})` : "Needs attention"}
      </h2>
      <div className="grid gap-2">
        {[...sending].map(([clientId, p]) => (
          <article key={clientId} className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-card px-3 py-2 text-sm" aria-busy="true">
            <Loader2 aria-hidden className="size-4 animate-spin text-muted-foreground" />
            <span className="font-medium">Sending…</span>
            <span className="min-w-0 flex-1 truncate text-muted-foreground">{p.prompt}</span>
            <span className="text-xs text-muted-foreground">{p.numImages} {p.numImages === 1 ? "image" : "images"} · {p.model} · {p.aspectRatio}</span>
          </article>
        ))}
        {shown.map((g) => (
          <GenerationCard key={g.id} generation={g} canEdit={canEdit} now={now} onCancel={onCancel} onRetry={onRetry} onDismiss={dismiss} />
        ))}
      </div>
    </section>
  );
}
