import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";
import { listProjectMembers } from "@/lib/projects/list-project-members";
import { listMembers } from "@/lib/teams/list-members";
import { ActionForm, FieldError, SubmitButton } from "../../../settings/action-form";
import { NoAccess } from "../../../settings/no-access";
import { addProjectMemberAction, removeProjectMemberAction, setProjectFlagsAction, updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { projectId } = await params;
  const caller = { kind: "user" as const, userId: user.id };
  const loaded = await getProjectOrThrow({ caller, projectId, permission: "project.read" }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { project, access } = loaded;
  const back = <p><Link href={`/projects/${project.id}`}>← {project.name}</Link></p>;
  if (access.role !== "owner" && access.role !== "admin") return <>{back}<NoAccess what="change a project's settings" /></>;
  const [named, members] = await Promise.all([listProjectMembers({ projectId: project.id }), listMembers({ teamId: project.teamId })]);
  const namedIds = new Set(named.map((n) => n.userId));
  const addable = members.filter((m) => !namedIds.has(m.userId) && m.role !== "owner" && m.role !== "admin");
  const hidden = (
    <input type="hidden" name="projectId" value={project.id} />
  );
  return (
    <>
      {back}
      <div className="page-head"><div><h1>Project settings</h1><p className="muted" style={{ margin: 0 }}>{project.name}{project.archivedAt ? " · archived" : ""}</p></div></div>
      <div className="settings-stack">
        <section className="panel">
          <h2>Name and description</h2>
          <ActionForm action={updateProjectAction}>
            {hidden}
            <div className="field">
              <label htmlFor="project-name">Name</label>
              <input id="project-name" name="name" defaultValue={project.name} maxLength={120} required />
              <FieldError name="name" />
            </div>
            <div className="field">
              <label htmlFor="project-description">Description</label>
              <textarea id="project-description" name="description" defaultValue={project.description ?? ""} rows={3} maxLength={2000} />
              <FieldError name="description" />
            </div>
            <SubmitButton>Save</SubmitButton>
          </ActionForm>
        </section>

        <section className="panel">
          <h2>Who can see it</h2>
          <p className="muted">
            {project.restricted
              ? "Restricted: only owners, admins and the people named below see this project."
              : "Everyone in the team sees this project, with what their role allows."}
          </p>
          <ActionForm action={setProjectFlagsAction}>
            {hidden}
            <input type="hidden" name="flag" value="restricted" />
            <input type="hidden" name="value" value={String(!project.restricted)} />
            <SubmitButton variant="plain">{project.restricted ? "Open to the whole team" : "Restrict to named members"}</SubmitButton>
          </ActionForm>
          {project.restricted ? (
            <>
              <table className="table">
                <thead><tr><th>Named member</th><th aria-label="Actions" /></tr></thead>
                <tbody>
                  {named.length === 0 ? <tr><td colSpan={2} className="muted">Nobody named yet: only owners and admins see it.</td></tr> : null}
                  {named.map((n) => (
                    <tr key={n.userId}>
                      <td>{n.name ?? n.email} <span className="muted small">{n.email}</span></td>
                      <td className="actions">
                        <ActionForm action={removeProjectMemberAction}>
                          {hidden}
                          <input type="hidden" name="userId" value={n.userId} />
                          <SubmitButton variant="plain" pendingLabel="…">Remove</SubmitButton>
                        </ActionForm>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {addable.length > 0 ? (
                <ActionForm action={addProjectMemberAction} className="inline-form">
                  {hidden}
                  <div className="field grow">
                    <label htmlFor="project-member">Add a team member</label>
                    <select id="project-member" name="userId" defaultValue="">
                      <option value="" disabled>Choose…</option>
                      {addable.map((m) => <option key={m.userId} value={m.userId}>{m.name ?? m.email} · {m.role}</option>)}
                    </select>
                    <FieldError name="userId" />
                  </div>
                  <SubmitButton>Add</SubmitButton>
                </ActionForm>
              ) : null}
            </>
          ) : null}
        </section>

        <section className="panel danger-zone">
          <h2>{project.archivedAt ? "Unarchive" : "Archive"}</h2>
          <p className="muted">Archived projects leave the project list; their images and history stay.</p>
          <ActionForm action={setProjectFlagsAction}>
            {hidden}
            <input type="hidden" name="flag" value="archived" />
            <input type="hidden" name="value" value={String(!project.archivedAt)} />
            <SubmitButton variant={project.archivedAt ? "plain" : "danger"}>{project.archivedAt ? "Unarchive project" : "Archive project"}</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
