import type { GenerationDto } from "@/lib/generations/generation-dto";
import { formatUsd } from "@/lib/spend/format-usd";
import { PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { GenerationActions } from "./generation-actions";
import { UseAsReferenceButton } from "./use-as-reference-button";

const ACTIVE = new Set(["queued", "submitted", "running"]);

export function GenerationCard({ generation, canEdit }: { generation: GenerationDto; canEdit: boolean }) {
  const params = generation.parameters as Record<string, unknown>;
  const expected = generation.status === "succeeded" ? generation.outputs.length : Number(params.num_images ?? 1);
  const cost = generation.cost.actualMicros ?? generation.cost.estimatedMicros;
  return (
    <article className="generation-card" data-status={generation.status} data-generation-id={generation.id}>
      <header className="generation-head">
        <span className={`status status-${generation.status}`}>{generation.status}</span>
        <span className="muted">
          {generation.model} · {generation.mode} · {PROVIDER_LABELS[generation.provider as ProviderId]} · {String(params.aspect_ratio)} · {String(params.resolution)}
        </span>
        <span className="muted" title={generation.cost.actualMicros === null ? "Estimate" : "Actual cost"}>
          {generation.cost.actualMicros === null ? "≈ " : ""}{formatUsd(cost)}
        </span>
      </header>
      <p className="generation-prompt">{generation.prompt}</p>
      {generation.error ? <p className="field-error">{generation.error.message}</p> : null}
      <div className="output-grid">
        {Array.from({ length: expected }, (_, i) => {
          const output = generation.outputs.find((o) => o.index === i);
          const asset = output?.asset;
          if (asset) {
            return (
              <figure key={i} className="output-tile">
                <a href={asset.urls.original} target="_blank" rel="noreferrer">
                  <img src={asset.urls.thumbLarge ?? asset.urls.original} alt={`Output ${i + 1}: ${generation.prompt.slice(0, 80)}`}
                    width={asset.width} height={asset.height} loading="lazy" />
                </a>
                <figcaption>
                  <span className="muted">{asset.width}×{asset.height} {asset.format}</span>
                  {canEdit ? <UseAsReferenceButton assetId={asset.id} thumbUrl={asset.urls.thumbSmall} /> : null}
                </figcaption>
              </figure>
            );
          }
          return (
            <div key={i} className={`output-tile placeholder ${output?.status === "failed" ? "failed" : ""}`}>
              {output?.status === "failed" ? output.failureReason : ACTIVE.has(generation.status) || output ? "Working…" : "—"}
            </div>
          );
        })}
      </div>
      <GenerationActions generationId={generation.id} active={ACTIVE.has(generation.status)} canEdit={canEdit} />
    </article>
  );
}
