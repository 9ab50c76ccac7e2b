import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentTeam } from "@/lib/teams/current-team";
import { listProjects } from "@/lib/projects/list-projects";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team } = await currentTeam(user.id);
  if (!team) {
    return <div className="empty"><h2>You are not in a team yet</h2><p className="muted">Ask a team admin for an invitation.</p></div>;
  }
  const projects = await listProjects({
    access: { teamId: team.id, role: team.role, caller: { kind: "user", userId: user.id }, actorUserId: user.id },
  });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Projects</h1>
          <p className="muted" style={{ margin: 0 }}>{team.name}</p>
        </div>
      </div>
      {projects.length === 0 ? (
        <div className="empty"><h2>No projects yet</h2><p className="muted">Projects group a campaign&apos;s generations, assets and spend.</p></div>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {projects.map((project) => (
            <li key={project.id}>
              <Link className="card" href={`/projects/${project.id}`}>
                <strong>{project.name}</strong>
                <span className="muted">{project.description ?? "No description"}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
