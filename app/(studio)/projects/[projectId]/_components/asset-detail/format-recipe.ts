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
export type RecipeRow = {
  key: string;
  label: string;
  value: string;
  /** What compare compares when the shown text can't say whether two values are equal (a seed nobody reported). */
  compareAs?: string;
};

export function recipeRows(detail: AssetDetail): RecipeRow[] {
  const g = detail.generation;
  const r = detail.recipe;
  const params = (g?.parameters ?? {}) as Record<string, unknown>;
  const rows: RecipeRow[] = [
    { key: "prompt", label: "Prompt", value: g?.prompt ?? r.prompt ?? "—" },
    { key: "negative_prompt", label: "Negative prompt", value: g?.negativePrompt ?? "—" },
    { key: "model", label: "Model", value: g?.model ?? r.model ?? "—" },
    { key: "mode", label: "Mode", value: g?.mode ?? r.mode ?? "—" },
    { key: "provider", label: "Provider", value: g?.provider ?? r.provider ?? "—" },
    seedRow(detail),
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

/**
 * The seed this image was made with: the one the provider reports for it (Runware), else the one the request pinned.
 * A request without a seed is not one seed: every image is drawn from its own, so "random" on two images never means
 * the same seed — compare must mark it as differing, not call two such images the same recipe.
 */
function seedRow(detail: AssetDetail): RecipeRow {
  const g = detail.generation;
  if (!g) return { key: "seed", label: "Seed", value: "—" };
  const seed = g.outputSeed ?? g.seed;
  if (seed !== null) return { key: "seed", label: "Seed", value: String(seed) };
  return { key: "seed", label: "Seed", value: "random (not reported by the provider)", compareAs: `random:${detail.id}` };
}

// Facts of the file and the run, not choices of the recipe: they always differ and would drown what changed.
const NOT_COMPARED = new Set(["createdAt", "timings", "file"]);

/** The recipes of 2–4 images as one table: each row's values side by side, and whether they differ. */
export function compareRecipes(details: AssetDetail[]) {
  const rowsPer = details.map(recipeRows);
  const keys = [...new Set(rowsPer.flatMap((rows) => rows.map((r) => r.key)))].filter((k) => !NOT_COMPARED.has(k));
  return keys.map((key) => {
    const cells = rowsPer.map((rows) => rows.find((r) => r.key === key));
    const values = cells.map((c) => c?.value ?? "—");
    const label = rowsPer.flatMap((rows) => rows.filter((r) => r.key === key))[0]?.label ?? key;
    return { key, label, values, differs: new Set(cells.map((c) => c?.compareAs ?? c?.value ?? "—")).size > 1 };
  });
}
