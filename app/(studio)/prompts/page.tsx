import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BookMarked, History, Trash2, Users } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { currentTeam } from "@/lib/teams/current-team";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import { listProjects } from "@/lib/projects/list-projects";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { listRecentPrompts } from "@/lib/prompts/list-recent-prompts";
import { toPromptDto } from "@/lib/prompts/prompt-schemas";
import { ButtonAction } from "@/app/_components/button-action";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { deletePromptAction } from "./actions";
import { NewTemplateForm } from "./_components/new-template-form";
import { TemplateText } from "./_components/template-text";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team } = await currentTeam(user.id);
  if (!team) return <EmptyState icon={<Users aria-hidden />} title="You are not in a team yet" description="Prompt templates belong to a team." />;
  const access: TeamAccess = { teamId: team.id, role: team.role, caller: { kind: "user", userId: user.id }, actorUserId: user.id };
  const canSave = can(team.role, "generation.create");
  const [prompts, projects, recent] = await Promise.all([listPrompts({ access }), listProjects({ access }), listRecentPrompts({ access })]);
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const templates = prompts.map(toPromptDto);
  return (
    <>
      <PageHeader title="Prompts" description="Templates with {variables} for the prompts your team writes again and again, and what you wrote lately." />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_26rem]">
        <div className="grid min-w-0 gap-6">
          <section aria-labelledby="templates-heading">
            <h2 id="templates-heading" className="mb-3 flex items-center gap-2 text-base font-semibold">Templates <Badge>{templates.length}</Badge></h2>
            {templates.length === 0 ? (
              <EmptyState icon={<BookMarked aria-hidden />} headingLevel={3} title="No templates yet"
                description="Save a prompt you reuse — with {product} or {season} where it changes — and pick it from the generate form's Templates." />
            ) : (
              <ul aria-label="Templates" className="grid gap-3 xl:grid-cols-2">
                {templates.map((t) => (
                  <li key={t.id} className="grid content-start gap-2 rounded-xl border border-border bg-card p-4">
                    <div className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <h3 className="truncate text-sm font-medium">{t.name}</h3>
                        <p className="text-xs text-muted-foreground">{t.projectId ? projectNames.get(t.projectId) ?? "A project" : "Team-wide"}</p>
                      </div>
                      {canSave ? (
                        <ButtonAction action={deletePromptAction} fields={{ teamId: team.id, promptId: t.id }} aria-label={`Delete ${t.name}`}
                          variant="ghost" pendingLabel="Deleting…"
                          confirm={{ title: `Delete "${t.name}"?`, description: "Generations made from it are not affected.", action: "Delete template", destructive: true }}>
                          <Trash2 aria-hidden /><span className="sr-only">Delete {t.name}</span>
                        </ButtonAction>
                      ) : null}
                    </div>
                    <TemplateText text={t.text} />
                    <div className="flex flex-wrap gap-1.5">
                      {t.model ? <Badge>{t.model === "kling-v3-omni" ? "Kling O3" : "Kling V3"}</Badge> : null}
                      {typeof t.parameters.aspect_ratio === "string" ? <Badge>{t.parameters.aspect_ratio}</Badge> : null}
                      {typeof t.parameters.resolution === "string" ? <Badge>{t.parameters.resolution.toUpperCase()}</Badge> : null}
                      {t.negativePrompt ? <Badge>negative prompt</Badge> : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading" className="mb-3 flex items-center gap-2 text-base font-semibold"><History aria-hidden className="size-4 text-muted-foreground" /> Your recent prompts</h2>
            {recent.length === 0 ? <p className="text-sm text-muted-foreground">Prompts you generate with appear here.</p> : (
              <ol aria-label="Recent prompts" className="grid divide-y divide-border rounded-xl border border-border bg-card">
                {recent.map((r) => (
                  <li key={r.prompt} className="grid gap-0.5 px-4 py-2.5">
                    <p className="text-sm break-words">{r.prompt}</p>
                    <p className="text-xs text-muted-foreground">{projectNames.get(r.projectId) ?? "A project"} · {r.model === "kling-v3-omni" ? "Kling O3" : "Kling V3"}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        {canSave ? (
          <Card>
            <CardHeader>
              <CardTitle>New template</CardTitle>
              <CardDescription className="basis-full">Saved with its settings; the generate form fills in the variables.</CardDescription>
            </CardHeader>
            <NewTemplateForm teamId={team.id} projects={projects.map((p) => ({ id: p.id, name: p.name }))} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
