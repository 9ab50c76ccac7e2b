import type { AssetDetail } from "./load-asset-detail";

const money = (micros: number) => {
  const dollars = micros / 1_000_000;
  return `$${dollars.toFixed(dollars !== 0 && Math.abs(dollars) < 1 ? 3 : 2)}`;
};

const SHOWN_ELSEWHERE = new Set(["prompt", "negative_prompt", "seed", "aspect_ratio", "resolution", "num_images"]);

/**
 * The recipe as labelled rows, in the order people read it. Shared by the detail panel and the compare view, which
 * highlights the rows whose values differ — so both must name and format a value the same way.
 */
export function recipeRows(detail: AssetDetail): { key: string; label: string; value: string }[] {
  const g = detail.generation;
  const r = detail.recipe;
  const params = (g?.parameters ?? {}) as Record<string, unknown>;
  const rows: { key: string; label: string; value: string }[] = [
    { key: "prompt", label: "Prompt", value: g?.prompt ?? r.prompt ?? "—" },
    { key: "negative_prompt", label: "Negative prompt", value: g?.negativePrompt ?? "—" },
    { key: "model", label: "Model", value: g?.model ?? r.model ?? "—" },
    { key: "mode", label: "Mode", value: g?.mode ?? r.mode ?? "—" },
    { key: "provider", label: "Provider", value: g?.provider ?? r.provider ?? "—" },
    { key: "seed", label: "Seed", value: String(g?.seed ?? r.seed ?? "random") },
    { key: "aspect_ratio", label: "Aspect ratio", value: g?.aspectRatio ?? r.aspectRatio ?? "—" },
    { key: "resolution", label: "Resolution", value: g?.resolution ?? r.resolution ?? "—" },
    { key: "num_images", label: "Images in the run", value: g ? String(g.numImages) : "—" },
  ];
  for (const [key, value] of Object.entries(params)) {
    if (SHOWN_ELSEWHERE.has(key)) continue;
    rows.push({ key, label: key.replace(/_/g, " "), value: typeof value === "string" ? value : JSON.stringify(value) });
  }
  rows.push(
    { key: "size", label: "Pixels", value: `${detail.width} × ${detail.height} ${detail.format.toUpperCase()}` },
    { key: "file", label: "File", value: `${(detail.bytes / 1024 / 1024).toFixed(1)} MB${g ? `, image ${(g.outputIndex ?? 0) + 1} of ${g.numImages}` : ""}` },
    { key: "references", label: "References", value: g ? String(g.references.length) : "0" },
    { key: "createdBy", label: "Made by", value: detail.createdBy ? (detail.createdBy.name ?? detail.createdBy.email) + (g?.viaApiKey ? " (API key)" : "") : "—" },
    { key: "createdAt", label: "Made", value: new Date(detail.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" },
  );
  if (g) {
    rows.push({
      key: "cost",
      label: "Cost",
      value: g.cost.actualMicros !== null ? `${money(g.cost.actualMicros)} (estimated ${money(g.cost.estimatedMicros)})` : `${money(g.cost.estimatedMicros)} estimated`,
    });
    const t = g.timings;
    const since = (iso: string | null) => (iso ? `+${((new Date(iso).getTime() - new Date(t.queuedAt).getTime()) / 1000).toFixed(1)} s` : "—");
    rows.push({ key: "timings", label: "Timings", value: `sent ${since(t.submittedAt)}, running ${since(t.runningAt)}, done ${since(t.succeededAt)}` });
  }
  return rows;
}
