"use client";

import Link from "next/link";
import type { AssetDetail } from "./load-asset-detail";
import { assetHref } from "./asset-href";

/** Where this image came from (edit source, references) and what was made from it; each one opens its own detail. */
export function AssetLineage({ detail, filters }: { detail: AssetDetail; filters: string }) {
  const groups = [
    { title: "Made from", items: detail.lineage.sources, empty: "Generated from a prompt alone." },
    { title: "Made from this", items: detail.lineage.derived, empty: "Nothing made from this image yet." },
  ];
  return (
    <section aria-labelledby="lineage-heading" className="grid gap-3">
      <h2 id="lineage-heading" className="text-sm font-semibold">Lineage</h2>
      {groups.map((group) => (
        <div key={group.title} className="grid gap-2">
          <h3 className="text-[13px] text-muted-foreground">{group.title}</h3>
          {group.items.length === 0 ? (
            <p className="text-xs text-muted-foreground">{group.empty}</p>
          ) : (
            <ul className="grid grid-cols-4 gap-2">
              {group.items.map((item) => (
                <li key={item.id}>
                  <Link href={assetHref(detail.projectId, item.id, filters)} className="block overflow-hidden rounded-md border border-border hover:border-primary"
                    aria-label={`${group.title}: ${item.recipe.prompt?.slice(0, 80) || item.id}`}>
                    <img src={item.urls.routes.thumbSmall} alt="" loading="lazy" className="aspect-square w-full object-cover" />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
