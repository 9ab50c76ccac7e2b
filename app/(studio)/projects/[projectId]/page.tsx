import { Suspense } from "react";
import { preload } from "react-dom";
import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardCheck, Eye, FolderOpen, Settings, Share2 } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { listGenerations } from "@/lib/generations/list-generations";
import { toGenerationDto } from "@/lib/generations/generation-dto";
import { listMembers } from "@/lib/teams/list-members";
import { galleryPage } from "@/lib/assets/gallery-page";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";
import { CATALOG_ENTRIES } from "@/lib/kling/models";
import { ASPECT_RATIOS, O3_ASPECT_RATIOS, O3_RESOLUTIONS, V3_RESOLUTIONS } from "@/lib/kling/options";
import { PROVIDER_IDS, PROVIDER_LABELS } from "@/lib/kling/providers";
import { getTeamDefaultProvider } from "@/lib/teams/get-team-default-provider";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { GenerateFormLazy } from "./generate-form-lazy";
import { LiveRefresh } from "./live-refresh";
import { projectPageAccess } from "./project-page-access";
import { LiveQueue } from "./_gallery/live-queue";
import { ProjectGallery } from "./_gallery/project-gallery";
import type { FilterOptions } from "./_gallery/gallery-toolbar";
import { FIRST_PAGE_SIZE } from "./_gallery/gallery-api";
import { ROW_HEIGHTS } from "./_gallery/row-height";
import { HIGH_PRIORITY_TILES, tileImageSizes, tileImageSources } from "./_gallery/tile-image";
import { ProjectSpend, ProjectSpendFallback } from "./project-spend";

export const metadata: Metadata = { title: "Project" };

const QUEUE_STATUSES = new Set(["queued", "submitted", "running", "failed"]);
// URL parameters that don't change which assets the gallery lists (see _gallery/gallery-filters.ts).
const PRESENTATION_PARAMS = new Set(["density"]);

export default async function ProjectPage(props: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { params } = props;
  // Before anything is read: a change after this moment may be missing from the page (see LiveRefresh).
  const renderedAt = new Date().toISOString();
  const { projectId } = await params;
  const { user, project, access } = await projectPageAccess(projectId);
  const canEdit = can(access.role, "generation.create");
  // The unfiltered view's first page goes into the HTML (the common way in): no fetch after hydration before images.
  const search = await props.searchParams;
  const unfiltered = Object.keys(search).every((k) => PRESENTATION_PARAMS.has(k));
  const [{ data }, defaultProvider, members, firstPage] = await Promise.all([
    listGenerations({ projectId, query: { limit: 30 } }),
    getTeamDefaultProvider({ teamId: project.teamId }),
    listMembers({ teamId: project.teamId }),
    unfiltered ? galleryPage({ projectId, teamId: project.teamId, query: listAssetsQuery.parse({ sort: "newest", limit: FIRST_PAGE_SIZE }) }) : null,
  ]);
  // The first tiles' images are asked for from the document's <head> (React puts high-priority image preloads before
  // the stylesheet), not when the parser reaches the gallery after the header and the generate panel. Same srcset and
  // sizes as the tile's <img>, so the browser picks the same file and fetches it once.
  const density = typeof search.density === "string" && search.density in ROW_HEIGHTS ? (search.density as keyof typeof ROW_HEIGHTS) : "comfortable";
  for (const asset of firstPage?.data.slice(0, HIGH_PRIORITY_TILES) ?? []) {
    const { src, srcSet } = tileImageSources(asset, false);
    preload(src, { as: "image", fetchPriority: "high", imageSrcSet: srcSet, imageSizes: tileImageSizes(asset, ROW_HEIGHTS[density]) });
  }
  // The queue's first state: the gallery itself is read by the browser, page by page, from the assets API.
  const queue = await Promise.all(data.filter((g) => QUEUE_STATUSES.has(g.status)).map(toGenerationDto));
  const entries = CATALOG_ENTRIES.map((e) => ({
    value: `${e.model}|${e.mode}`,
    label: e.label,
    aspectRatios: e.model === "kling-v3-omni" ? O3_ASPECT_RATIOS : ASPECT_RATIOS,
    resolutions: e.model === "kling-v3-omni" ? O3_RESOLUTIONS : V3_RESOLUTIONS,
    needsReferences: e.mode !== "text-to-image",
  }));
  const filterOptions: FilterOptions = {
    models: [...new Map(CATALOG_ENTRIES.map((e) => [e.model, { value: e.model, label: e.label.split(" · ")[0] ?? e.model }])).values()],
    providers: PROVIDER_IDS.map((id) => ({ value: id, label: PROVIDER_LABELS[id] })),
    aspectRatios: [...new Set([...ASPECT_RATIOS, ...O3_ASPECT_RATIOS])],
    resolutions: [...new Set([...V3_RESOLUTIONS, ...O3_RESOLUTIONS])],
    members: members.map((m) => ({ value: m.userId, label: m.name ?? m.email })),
  };
  const work = (
    <div className="grid min-w-0 content-start gap-5">
      <LiveQueue projectId={project.id} canEdit={canEdit} initial={queue} />
      <ProjectGallery projectId={project.id} canEdit={canEdit} options={filterOptions}
        initial={firstPage ? { apiQuery: "sort=newest", page: firstPage } : null} />
    </div>
  );
  return (
    <>
      <LiveRefresh projectId={project.id} renderedAt={renderedAt} />
      <PageHeader
        back={{ href: "/", label: "Projects" }}
        title={<span className="flex flex-wrap items-center gap-2">{project.name}{project.archivedAt ? <Badge>Archived</Badge> : null}</span>}
        description={project.description ?? undefined}
        actions={
          <>
            {/* The spend sum is not the page's largest paint: it must not hold the first byte (the thumbnails). */}
            <Suspense fallback={<ProjectSpendFallback />}>
              <ProjectSpend projectId={project.id} linked={can(access.role, "spend.read")} />
            </Suspense>
            <Button asChild variant="ghost" size="sm"><Link href={`/projects/${project.id}/review`}><ClipboardCheck aria-hidden /> Review</Link></Button>
            <Button asChild variant="ghost" size="sm"><Link href={`/projects/${project.id}/collections`}><FolderOpen aria-hidden /> Collections</Link></Button>
            <Button asChild variant="ghost" size="sm"><Link href={`/projects/${project.id}/share-links`}><Share2 aria-hidden /> Share links</Link></Button>
            {can(access.role, "project.manage") ? (
              <Button asChild variant="secondary" size="sm"><Link href={`/projects/${project.id}/settings`}><Settings aria-hidden /> Project settings</Link></Button>
            ) : null}
          </>
        }
      />
      {canEdit ? (
        <div className="grid items-start gap-5 lg:grid-cols-[minmax(300px,360px)_minmax(0,1fr)]">
          <section aria-label="Generate" className="rounded-xl border border-border bg-card p-4 lg:sticky lg:top-18">
            <GenerateFormLazy projectId={project.id} teamId={project.teamId} userId={user.id} entries={entries} defaultProvider={defaultProvider ?? "kling"}
              providers={PROVIDER_IDS.map((id) => ({ id, label: PROVIDER_LABELS[id] }))} />
          </section>
          {work}
        </div>
      ) : (
        <>
          <p className="mb-4 flex items-center gap-2 rounded-lg border border-border bg-card px-3 py-2 text-[13px] text-muted-foreground">
            <Eye aria-hidden className="size-4 shrink-0" /> You can look at everything in this project; editors and admins generate.
          </p>
          {work}
        </>
      )}
    </>
  );
}
