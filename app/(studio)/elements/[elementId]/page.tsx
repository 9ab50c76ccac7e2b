import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Archive, ArchiveRestore, Users } from "lucide-react";
import { AppError } from "@/lib/errors";
import { getElementDetail } from "@/lib/elements/get-element-detail";
import { toElementDetailDto } from "@/lib/elements/element-detail-dto";
import { listPickableAssets } from "@/lib/elements/list-pickable-assets";
import { ELEMENT_KIND_LABELS } from "@/lib/elements/element-schemas";
import { ActionForm, SubmitButton } from "@/app/_components/action-form";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { archiveElementAction } from "../actions";
import { ElementDialog } from "../_components/element-dialog";
import { elementsContext } from "../elements-context";

export const metadata: Metadata = { title: "Element" };

export default async function ElementPage({ params }: { params: Promise<{ elementId: string }> }) {
  const context = await elementsContext();
  if (!context) return <EmptyState icon={<Users aria-hidden />} title="You are not in a team yet" description="Elements belong to a team." />;
  const { team, access, canManage } = context;
  const { elementId } = await params;
  const detail = await getElementDetail({ access, elementId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const [element, pickable] = await Promise.all([toElementDetailDto(detail), canManage && !detail.element.archivedAt ? listPickableAssets({ access }) : []]);
  const archived = Boolean(element.archivedAt);
  const actions = canManage ? (
    <>
      {!archived ? (
        <ElementDialog teamId={team.id} pickable={pickable} element={{
          id: element.id, name: element.name, description: element.description ?? "", kind: element.kind,
          frontalUrl: element.current.frontalImageUrl, referenceUrls: element.current.referenceImageUrls,
        }} />
      ) : null}
      <ActionForm action={archiveElementAction} aria-label={archived ? `Restore ${element.name}` : `Archive ${element.name}`} showMessage={false}
        confirm={archived ? undefined : { title: `Archive "${element.name}"?`, description: "It leaves the library and new generations can't use it. Images made with it keep it; you can restore it.", action: "Archive" }}>
        <input type="hidden" name="teamId" value={team.id} />
        <input type="hidden" name="elementId" value={element.id} />
        <input type="hidden" name="archived" value={archived ? "false" : "true"} />
        <SubmitButton variant="outline" pendingLabel={archived ? "Restoring…" : "Archiving…"}>
          {archived ? <><ArchiveRestore aria-hidden /> Restore</> : <><Archive aria-hidden /> Archive</>}
        </SubmitButton>
      </ActionForm>
    </>
  ) : null;
  return (
    <>
      <PageHeader
        back={{ href: archived ? "/elements?archived=1" : "/elements", label: "Elements" }}
        title={<span className="flex flex-wrap items-center gap-2">{element.name}{archived ? <Badge variant="warning">Archived</Badge> : null}</span>}
        description={element.description ?? undefined}
        actions={actions}
      />
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <section aria-labelledby="current-heading" className="grid content-start gap-3">
          <h2 id="current-heading" className="sr-only">Current version</h2>
          <img src={element.current.frontalImageUrl} alt={`${element.name}, frontal image`} className="aspect-[4/5] w-full rounded-xl border border-border object-cover" />
          {element.current.referenceImageUrls.length ? (
            <div className="grid grid-cols-3 gap-2">
              {element.current.referenceImageUrls.map((url, i) => <img key={i} src={url} alt={`${element.name}, reference ${i + 1}`} className="aspect-square w-full rounded-lg border border-border object-cover" />)}
            </div>
          ) : null}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-muted-foreground">Kind</dt><dd>{ELEMENT_KIND_LABELS[element.kind]}</dd>
            <dt className="text-muted-foreground">Version</dt><dd>v{element.currentVersion}</dd>
            <dt className="text-muted-foreground">Used in</dt><dd>{element.usageCount === 1 ? "1 generation" : `${element.usageCount} generations`}</dd>
          </dl>
        </section>
        <section aria-labelledby="versions-heading" className="grid content-start gap-3">
          <h2 id="versions-heading" className="text-base font-semibold">Versions and the images made with each</h2>
          {element.versions.map((v) => (
            <Card key={v.id}>
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2 text-sm">
                  <span>Version {v.version}</span>
                  {v.version === element.currentVersion ? <Badge variant="primary">current</Badge> : null}
                  <span className="font-normal text-muted-foreground">· {v.usageCount === 1 ? "1 generation" : `${v.usageCount} generations`} · {new Date(v.createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</span>
                </CardTitle>
              </CardHeader>
              <div className="flex flex-wrap gap-2">
                {[v.frontalImageUrl, ...v.referenceImageUrls].map((url, i) => (
                  <img key={i} src={url} alt={i === 0 ? `Version ${v.version} frontal image` : `Version ${v.version} reference ${i}`} className="size-12 rounded-md border border-border object-cover" loading="lazy" />
                ))}
              </div>
              {v.images.length ? (
                <ul aria-label={`Images made with version ${v.version}`} className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-4 xl:grid-cols-6">
                  {v.images.map((image) => (
                    <li key={image.id}>
                      <a href={`/api/v1/assets/${image.id}/image?size=original`} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-md border border-border hover:border-primary/60">
                        <img src={image.thumbUrl} alt={image.prompt.slice(0, 120) || "Generated image"} className="aspect-square w-full object-cover" loading="lazy" />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : <p className="mt-3 text-sm text-muted-foreground">No images made with this version yet.</p>}
            </Card>
          ))}
        </section>
      </div>
    </>
  );
}
