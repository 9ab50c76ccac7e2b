import type { Metadata } from "next";
import Link from "next/link";
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
import { getTeam } from "@/lib/teams/get-team";
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
  const [{ data }, spent, team] = await Promise.all([
    listGenerations({ projectId, query: { limit: 30 } }),
    projectSpendMicros({ projectId }),
    getTeam({ access }),
  ]);
  const generations = await Promise.all(data.map(toGenerationDto));
  const entries = CATALOG_ENTRIES.map((e) => ({
    value: `${e.model}|${e.mode}`,
    label: e.label,
    aspectRatios: e.model === "kling-v3-omni" ? O3_ASPECT_RATIOS : ASPECT_RATIOS,
    resolutions: e.model === "kling-v3-omni" ? O3_RESOLUTIONS : V3_RESOLUTIONS,
    needsReferences: e.mode !== "text-to-image",
  }));
  return (
    <>
      <LiveRefresh projectId={project.id} renderedAt={renderedAt} />
      <p><Link href="/">← Projects</Link></p>
      <div className="page-head">
        <div>
          <h1>{project.name}</h1>
          <p className="muted" style={{ margin: 0 }}>{project.description}</p>
        </div>
        <div style={{ display: "flex", gap: ".75rem", alignItems: "center" }}>
          <div className="spend-badge" title="Settled spend plus open reservations">Spent {formatUsd(spent)}</div>
          {can(access.role, "project.manage") ? <Link className="btn btn-small" href={`/projects/${project.id}/settings`}>Project settings</Link> : null}
        </div>
      </div>
      {canEdit ? (
        <section className="panel">
          <GenerateForm projectId={project.id} entries={entries} defaultProvider={team.defaultProvider ?? "kling"}
            providers={PROVIDER_IDS.map((id) => ({ id, label: PROVIDER_LABELS[id] }))} />
        </section>
      ) : null}
      <section className="feed">
        {generations.length === 0 ? (
          <div className="empty"><h2>No images yet</h2><p className="muted">Generations for this project appear here as they complete.</p></div>
        ) : (
          generations.map((g) => <GenerationCard key={g.id} generation={g} canEdit={canEdit} />)
        )}
      </section>
    </>
  );
}
