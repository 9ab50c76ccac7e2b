"use client";

import { useState } from "react";
import Link from "next/link";
import { Columns2, SplitSquareHorizontal, X } from "lucide-react";
import type { AssetDetail } from "./load-asset-detail";
import { compareRecipes } from "./format-recipe";
import { Button } from "@/app/_components/ui/button";
import { cn } from "@/app/_components/cn";

const LETTERS = ["A", "B", "C", "D"];

/**
 * 2–4 images side by side (or, for two, one over the other with a slider), and their recipes in one table where
 * every row whose values differ is marked — the question people ask when comparing is "what did I change?".
 */
export function CompareView({ projectId, details }: { projectId: string; details: AssetDetail[] }) {
  const [view, setView] = useState<"side" | "slider">("side");
  const [onlyDiff, setOnlyDiff] = useState(false);
  const [split, setSplit] = useState(50);
  const table = compareRecipes(details);
  const without = (id: string) => {
    const rest = details.filter((d) => d.id !== id).map((d) => d.id);
    return rest.length ? `/projects/${projectId}/compare?ids=${rest.join(",")}` : `/projects/${projectId}`;
  };
  const differing = table.filter((r) => r.differs).length;
  const slider = view === "slider" && details.length === 2;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center gap-2">
        {details.length === 2 ? (
          <div role="group" aria-label="Layout" className="flex rounded-lg border border-border p-0.5">
            <Button type="button" size="sm" variant={view === "side" ? "secondary" : "ghost"} aria-pressed={view === "side"} onClick={() => setView("side")}><Columns2 aria-hidden /> Side by side</Button>
            <Button type="button" size="sm" variant={view === "slider" ? "secondary" : "ghost"} aria-pressed={view === "slider"} onClick={() => setView("slider")}><SplitSquareHorizontal aria-hidden /> Slider</Button>
          </div>
        ) : null}
        <p className="text-sm text-muted-foreground">{differing === 0 ? "Same recipe." : differing === 1 ? "1 recipe value differs." : `${differing} recipe values differ.`}</p>
      </div>

      {slider ? (
        <div className="grid gap-3">
          <div className="relative mx-auto w-full max-w-5xl overflow-hidden rounded-xl border border-border bg-black/40" style={{ aspectRatio: `${details[0]!.width} / ${details[0]!.height}`, maxHeight: "75dvh" }}>
            <img src={details[0]!.urls.routes.thumbLarge} alt={`A: ${details[0]!.recipe.prompt ?? ""}`.slice(0, 150)} className="absolute inset-0 size-full object-contain" />
            <img src={details[1]!.urls.routes.thumbLarge} alt={`B: ${details[1]!.recipe.prompt ?? ""}`.slice(0, 150)} className="absolute inset-0 size-full object-contain"
              style={{ clipPath: `inset(0 0 0 ${split}%)` }} />
            <div aria-hidden className="pointer-events-none absolute inset-y-0 w-0.5 bg-white shadow-[0_0_8px_rgba(0,0,0,0.6)]" style={{ left: `${split}%` }} />
            <span aria-hidden className="absolute top-2 left-2 rounded bg-background/80 px-1.5 text-xs font-semibold">A</span>
            <span aria-hidden className="absolute top-2 right-2 rounded bg-background/80 px-1.5 text-xs font-semibold">B</span>
          </div>
          <label className="mx-auto grid w-full max-w-5xl gap-1 text-[13px] text-muted-foreground">
            Slider position (A left, B right)
            <input type="range" min={0} max={100} value={split} onChange={(e) => setSplit(Number(e.target.value))} className="w-full accent-primary" />
          </label>
        </div>
      ) : (
        <ul className={cn("grid gap-3", details.length === 2 ? "sm:grid-cols-2" : details.length === 3 ? "sm:grid-cols-2 lg:grid-cols-3" : "grid-cols-2 lg:grid-cols-4")}>
          {details.map((d, i) => (
            <li key={d.id} className="grid content-start gap-2">
              <div className="relative overflow-hidden rounded-xl border border-border bg-black/40">
                <Link href={`/projects/${projectId}/assets/${d.id}`} className="block" aria-label={`Open image ${LETTERS[i]}`}>
                  <img src={d.urls.routes.thumbLarge} alt="" className="w-full object-contain" style={{ aspectRatio: `${details[0]!.width} / ${details[0]!.height}` }} />
                </Link>
                <span aria-hidden className="absolute top-2 left-2 rounded bg-background/80 px-1.5 text-xs font-semibold">{LETTERS[i]}</span>
                <Button asChild variant="secondary" size="icon-sm" className="absolute top-2 right-2">
                  <Link href={without(d.id)} aria-label={`Remove image ${LETTERS[i]} from the comparison`}><X aria-hidden /></Link>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="diff-heading" className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="diff-heading" className="text-sm font-semibold">Recipes</h2>
          <label className="flex items-center gap-2 text-[13px] text-muted-foreground">
            <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} className="size-4 accent-primary" />
            Only differences
          </label>
        </div>
        <div className="overflow-x-auto rounded-xl border border-border">
          <table className="w-full min-w-[36rem] border-collapse text-[13px]">
            <thead>
              <tr className="border-b border-border bg-card text-left">
                <th scope="col" className="w-36 px-3 py-2 font-medium text-muted-foreground">Setting</th>
                {details.map((d, i) => <th key={d.id} scope="col" className="px-3 py-2 font-semibold">{LETTERS[i]}</th>)}
              </tr>
            </thead>
            <tbody>
              {table.filter((r) => !onlyDiff || r.differs).map((row) => (
                <tr key={row.key} className={cn("border-b border-border last:border-0", row.differs ? "bg-warning/10" : "")}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal text-muted-foreground first-letter:uppercase">
                    {row.label}
                    {row.differs ? <span className="ml-1.5 rounded bg-warning/20 px-1 text-[11px] font-medium text-warning">differs</span> : null}
                  </th>
                  {row.values.map((v, i) => (
                    <td key={i} className={cn("px-3 py-2 align-top break-words", row.differs ? "font-medium text-foreground" : "text-muted-foreground")}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
