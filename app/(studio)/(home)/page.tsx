import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FolderPlus, Users } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { currentTeam } from "@/lib/teams/current-team";
import { listProjectOverviews } from "@/lib/projects/list-project-overviews";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Button } from "@/app/_components/ui/button";
import { NewProjectDialog } from "../_components/new-project-dialog";
import { ProjectCard } from "../_components/project-card";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team } = await currentTeam(user.id);
  if (!team) {
    return <EmptyState icon={<Users aria-hidden />} title="You are not in a team yet" description="Ask a team admin for an invitation, or create your own team in Settings." />;
  }
  const canManage = can(team.role, "project.manage");
  const all = await listProjectOverviews({
    access: { teamId: team.id, role: team.role, caller: { kind: "user", userId: user.id }, actorUserId: user.id },
    includeArchived: canManage,
  });
  const active = all.filter((p) => !p.archivedAt);
  const archived = all.filter((p) => p.archivedAt);
  return (
    <>
      <PageHeader title="Projects" description={`${team.name} · ${active.length} ${active.length === 1 ? "project" : "projects"}`}
        actions={canManage && active.length > 0 ? <NewProjectDialog teamId={team.id} /> : null} />
      {active.length === 0 ? (
        <EmptyState
          icon={<FolderPlus aria-hidden />}
          title={canManage ? "Create your first project" : "No projects yet"}
          description={canManage
            ? "Projects group a campaign's generations, images and spend. Start one, then write a prompt."
            : "Projects group a campaign's generations, images and spend. Ask an owner or admin to create one."}
          action={canManage ? <NewProjectDialog teamId={team.id} trigger={<Button size="lg"><FolderPlus aria-hidden /> Create a project</Button>} /> : null}
        />
      ) : (
        <ul aria-label="Projects" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-4">
          {active.map((p) => <ProjectCard key={p.id} project={p} canManage={canManage} />)}
        </ul>
      )}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-heading" className="mt-10">
          <h2 id="archived-heading" className="mb-3 text-sm font-medium text-muted-foreground">Archived · {archived.length}</h2>
          <ul aria-label="Archived projects" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-4">
            {archived.map((p) => <ProjectCard key={p.id} project={p} canManage={canManage} />)}
          </ul>
        </section>
      ) : null}
    </>
  );
}
