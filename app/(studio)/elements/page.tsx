import type { Metadata } from "next";
import Link from "next/link";
import { Archive, Shapes, Users } from "lucide-react";
import { listElements } from "@/lib/elements/list-elements";
import { listPickableAssets } from "@/lib/elements/list-pickable-assets";
import { toElementDto } from "@/lib/elements/element-dto";
import { ELEMENT_KIND_LABELS } from "@/lib/elements/element-schemas";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_components/cn";
import { ElementDialog } from "./_components/element-dialog";
import { elementsContext } from "./elements-context";

export const metadata: Metadata = { title: "Elements" };

export default async function ElementsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const context = await elementsContext();
  if (!context) return <EmptyState icon={<Users aria-hidden />} title="You are not in a team yet" description="Elements belong to a team. Ask a team admin for an invitation." />;
  const { team, access, canManage } = context;
  const archived = (await searchParams).archived === "1";
  const [rows, pickable] = await Promise.all([listElements({ access, archived }), canManage ? listPickableAssets({ access }) : []]);
  const elements = await Promise.all(rows.map((r) => toElementDto(r.element, r.usageCount)));
  const create = canManage && !archived ? <ElementDialog teamId={team.id} pickable={pickable} /> : null;
  return (
    <>
      <PageHeader
        title="Elements"
        description="Reusable characters, products, brand assets, scenes and styles for Kling O3 (and V3 on fal and Segmind). Write @element1 in a prompt to place one."
        actions={elements.length > 0 ? create : null}
      />
      <nav aria-label="Element lists" className="mb-4 flex gap-1 text-sm">
        <Link href="/elements" aria-current={!archived ? "page" : undefined}
          className={cn("rounded-md px-2.5 py-1", !archived ? "bg-secondary text-foreground" : "text-muted-foreground hover:text-foreground")}>Library</Link>
        <Link href="/elements?archived=1" aria-current={archived ? "page" : undefined}
          className={cn("rounded-md px-2.5 py-1", archived ? "bg-secondary text-foreground" : "text-muted-foreground hover:text-foreground")}>Archived</Link>
      </nav>
      {elements.length === 0 ? (
        archived ? <EmptyState icon={<Archive aria-hidden />} title="Nothing archived" description="Archived elements leave the library; their generations keep them." /> : (
          <EmptyState icon={<Shapes aria-hidden />} title={canManage ? "Create your first element" : "No elements yet"}
            description="An element is a frontal image and up to three more views of something that must look the same in every image: a mascot, a product, a logo."
            action={create} />
        )
      ) : (
        <ul aria-label={archived ? "Archived elements" : "Elements"} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5 2xl:grid-cols-6">
          {elements.map((e) => (
            <li key={e.id}>
              <Link href={`/elements/${e.id}`} className="group block overflow-hidden rounded-xl border border-border bg-card transition-colors hover:border-primary/50 focus-visible:border-primary">
                <div className="relative aspect-[4/5] bg-secondary">
                  <img src={e.current.frontalImageUrl} alt="" className="size-full object-cover" loading="lazy" />
                  {e.current.referenceImageUrls.length ? (
                    <div className="absolute right-2 bottom-2 flex -space-x-2">
                      {e.current.referenceImageUrls.map((url, i) => <img key={i} src={url} alt="" className="size-8 rounded-md border-2 border-card object-cover" loading="lazy" />)}
                    </div>
                  ) : null}
                </div>
                <div className="grid gap-1 p-3">
                  <div className="flex items-center justify-between gap-2">
                    <strong className="truncate text-sm font-medium">{e.name}</strong>
                    <span className="shrink-0 text-xs text-muted-foreground">v{e.currentVersion}</span>
                  </div>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <Badge>{ELEMENT_KIND_LABELS[e.kind]}</Badge>
                    <span className="text-xs text-muted-foreground">{e.usageCount === 1 ? "used once" : `used ${e.usageCount} times`}</span>
                  </div>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
