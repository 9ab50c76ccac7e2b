import type { Metadata } from "next";
import Link from "next/link";
import { Eye, ImageIcon, Settings } from "lucide-react";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listGenerations } from "@/lib/generations/list-generations";
import { toGenerationDto } from "@/lib/generations/generation-dto";
import { CATALOG_ENTRIES } from "@/lib/kling/models";
import { ASPECT_RATIOS, O3_ASPECT_RATIOS, O3_RESOLUTIONS, V3_RESOLUTIONS } from "@/lib/kling/options";
import { PROVIDER_IDS, PROVIDER_LABELS } from "@/lib/kling/providers";
import { projectSpendMicros } from "@/lib/spend/project-spend";
import { formatUsd } from "@/lib/spend/format-usd";
import { getTeamDefaultProvider } from "@/lib/teams/get-team-default-provider";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { GenerateForm } from "./generate-form";
import { GenerationCard } from "./generation-card";
import { LiveRefresh } from "./live-refresh";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  // Before anything is read: a change after this moment may be missing from the page (see LiveRefresh).
  const renderedAt = new Date().toISOString();
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { projectId } = await params;
  const { project, access } = await getProjectOrThrow({ caller: { kind: "user", userId: user.id }, projectId, permission: "project.read" }).catch(
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
      throw error;
    },
  );
  const canEdit = can(access.role, "generation.create");
  const [{ data }, spent, defaultProvider] = await Promise.all([
    listGenerations({ projectId, query: { limit: 30 } }),
    projectSpendMicros({ projectId }),
    getTeamDefaultProvider({ teamId: project.teamId }),
  ]);
  const generations = await Promise.all(data.map(toGenerationDto));
  const entries = CATALOG_ENTRIES.map((e) => ({
    value: `${e.model}|${e.mode}`,
    label: e.label,
    aspectRatios: e.model === "kling-v3-omni" ? O3_ASPECT_RATIOS : ASPECT_RATIOS,
    resolutions: e.model === "kling-v3-omni" ? O3_RESOLUTIONS : V3_RESOLUTIONS,
    needsReferences: e.mode !== "text-to-image",
  }));
  const feed = (
    <section aria-label="Generations" className="grid min-w-0 content-start gap-3">
      {generations.length === 0 ? (
        <EmptyState icon={<ImageIcon aria-hidden />} title="No images yet"
          description={canEdit ? "Write a prompt and press Generate: results appear here as they finish." : "Generations for this project appear here as they complete."} />
      ) : (
        generations.map((g) => <GenerationCard key={g.id} generation={g} canEdit={canEdit} />)
      )}
    </section>
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
            <Badge className="h-8 px-3 text-[13px] tabular-nums" title="Settled spend plus open reservations">Spent {formatUsd(spent)}</Badge>
            {can(access.role, "project.manage") ? (
              <Button asChild variant="secondary" size="sm"><Link href={`/projects/${project.id}/settings`}><Settings aria-hidden /> Project settings</Link></Button>
            ) : null}
          </>
        }
      />
      {canEdit ? (
        <div className="grid items-start gap-5 lg:grid-cols-[minmax(300px,360px)_minmax(0,1fr)]">
          <section aria-label="Generate" className="rounded-xl border border-border bg-card p-4 lg:sticky lg:top-18">
            <GenerateForm projectId={project.id} entries={entries} defaultProvider={defaultProvider ?? "kling"}
              providers={PROVIDER_IDS.map((id) => ({ id, label: PROVIDER_LABELS[id] }))} />
          </section>
          {feed}
        </div>
      ) : (
        <>
          <p className="mb-4 flex items-center gap-2 rounded-lg border border-border bg-card px-3 py-2 text-[13px] text-muted-foreground">
            <Eye aria-hidden className="size-4 shrink-0" /> You can look at everything in this project; editors and admins generate.
          </p>
          {feed}
        </>
      )}
    </>
  );
}
