"use client";

import Link from "next/link";
import type { AssetDetail } from "./load-asset-detail";
import { recipeRows } from "./format-recipe";

/** The whole recipe: every parameter the generation ran with, who made it, what it cost and how long it took. */
export function AssetRecipe({ detail }: { detail: AssetDetail }) {
  const rows = recipeRows(detail);
  const references = detail.generation?.references ?? [];
  return (
    <section aria-labelledby="recipe-heading" className="grid gap-3">
      <h2 id="recipe-heading" className="text-sm font-semibold">Recipe</h2>
      <dl className="grid gap-x-4 gap-y-2.5 text-[13px] grid-cols-[7.5rem_minmax(0,1fr)]">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="text-muted-foreground first-letter:uppercase">{row.label}</dt>
            <dd className={row.key === "prompt" ? "text-sm leading-relaxed whitespace-pre-wrap break-words text-foreground" : "break-words tabular-nums"}>{row.value}</dd>
          </div>
        ))}
      </dl>
      {references.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-[13px] text-muted-foreground">References used</h3>
          <ul className="grid grid-cols-4 gap-2">
            {references.map((ref) => (
              <li key={ref.position}>
                {ref.assetId ? (
                  <Link href={`/projects/${detail.projectId}/assets/${ref.assetId}`} className="block overflow-hidden rounded-md border border-border hover:border-primary"
                    aria-label={`Reference @image${ref.position + 1}`}>
                    <img src={`/api/v1/assets/${ref.assetId}/image?size=small`} alt="" className="aspect-square w-full object-cover" />
                  </Link>
                ) : (
                  <img src={ref.url} alt={`Reference @image${ref.position + 1} (uploaded)`} className="aspect-square w-full rounded-md border border-border object-cover" />
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
