import type { GenerationDto } from "@/lib/generations/generation-dto";
import { formatUsd } from "@/lib/spend/format-usd";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { Loader2, TriangleAlert } from "lucide-react";
import { cn } from "@/app/_components/cn";
import { Badge } from "@/app/_components/ui/badge";
import { GenerationActions } from "./generation-actions";
import { UseAsReferenceButton } from "./use-as-reference-button";

const ACTIVE = new Set(["queued", "submitted", "running"]);
const STATUS_VARIANT = { succeeded: "success", failed: "destructive", cancelled: "destructive" } as const;

export function GenerationCard({ generation, canEdit }: { generation: GenerationDto; canEdit: boolean }) {
  const params = generation.parameters as Record<string, unknown>;
  const expected = generation.status === "succeeded" ? generation.outputs.length : Number(params.num_images ?? 1);
  const cost = generation.cost.actualMicros ?? generation.cost.estimatedMicros;
  const active = ACTIVE.has(generation.status);
  const ratio = String(params.aspect_ratio ?? "1:1").split(":").map(Number);
  const placeholderRatio = ratio.length === 2 && ratio[0]! > 0 && ratio[1]! > 0 ? `${ratio[0]} / ${ratio[1]}` : "1 / 1";
  return (
    <article aria-label={`Generation: ${generation.prompt.slice(0, 60)}`} data-status={generation.status} data-generation-id={generation.id}
      className="grid gap-3 rounded-xl border border-border bg-card p-3 sm:p-4">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-[13px]">
        <Badge variant={STATUS_VARIANT[generation.status as keyof typeof STATUS_VARIANT] ?? "warning"} className="uppercase tracking-wide">
          {active ? <Loader2 aria-hidden className="size-3 animate-spin" /> : null}{generation.status}
        </Badge>
        <span className="min-w-0 text-muted-foreground">
          {generation.model} · {generation.mode} · {PROVIDER_LABELS[generation.provider as ProviderId]} · {String(params.aspect_ratio)} · {String(params.resolution)}
        </span>
        <span className="ml-auto flex items-center gap-1">
          <span className="text-muted-foreground tabular-nums" title={generation.cost.actualMicros === null ? "Estimate" : "Actual cost"}>
            {generation.cost.actualMicros === null ? "≈ " : ""}{formatUsd(cost)}
          </span>
          <GenerationActions generationId={generation.id} active={active} canEdit={canEdit} />
        </span>
      </header>
      <p className="text-sm leading-relaxed break-words">{generation.prompt}</p>
      {generation.error ? (
        <p className="flex items-start gap-2 text-[13px] text-destructive"><TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />{generation.error.message}</p>
      ) : null}
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: expected }, (_, i) => {
          const output = generation.outputs.find((o) => o.index === i);
          const asset = output?.asset;
          if (asset) {
            return (
              <figure key={i} className="group relative m-0 overflow-hidden rounded-lg border border-border bg-background">
                <a href={asset.urls.original} target="_blank" rel="noreferrer" className="block" aria-label={`Open output ${i + 1} full size`}>
                  <img src={asset.urls.thumbLarge ?? asset.urls.original} alt={`Output ${i + 1}: ${generation.prompt.slice(0, 80)}`}
                    width={asset.width} height={asset.height} loading="lazy" decoding="async" className="block h-auto w-full" />
                </a>
                <figcaption className="flex items-center justify-between gap-2 border-t border-border px-2 py-1 text-xs text-muted-foreground">
                  <span className="truncate">{asset.width}×{asset.height} {asset.format}</span>
                  {canEdit ? <UseAsReferenceButton assetId={asset.id} thumbUrl={asset.urls.thumbSmall} /> : null}
                </figcaption>
              </figure>
            );
          }
          const failed = output?.status === "failed";
          return (
            <div key={i} style={{ aspectRatio: placeholderRatio }}
              className={cn("flex items-center justify-center rounded-lg border border-border p-3 text-center text-xs",
                failed ? "text-destructive" : "text-muted-foreground", (active || output) && !failed && "animate-pulse bg-secondary")}>
              {failed ? output.failureReason : active || output ? "Working…" : "—"}
            </div>
          );
        })}
      </div>
    </article>
  );
}
