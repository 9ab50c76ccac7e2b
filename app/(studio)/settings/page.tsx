import type { Metadata } from "next";
import Link from "next/link";
import { listMembers } from "@/lib/teams/list-members";
import { listProjects } from "@/lib/projects/list-projects";
import { ActionForm, FieldError, SubmitButton } from "./action-form";
import { createTeamAction, leaveTeamAction, renameTeamAction, transferOwnershipAction } from "./team-actions";
import { settingsContext } from "./settings-context";

export const metadata: Metadata = { title: "Team settings" };

export default async function GeneralSettingsPage() {
  const { user, team, allows } = await settingsContext();
  const others = team && team.role === "owner" ? (await listMembers({ teamId: team.id })).filter((m) => m.role !== "owner") : [];
  // Archived projects leave the studio's project list; this is where they can be found and brought back.
  const projects = team && allows("project.manage")
    ? await listProjects({ access: { teamId: team.id, role: team.role, caller: { kind: "user", userId: user.id }, actorUserId: user.id }, includeArchived: true })
    : [];
  return (
    <div className="settings-stack">
      {team ? (
        <section className="panel">
          <h2>Team name</h2>
          {allows("team.manage") ? (
            <ActionForm action={renameTeamAction} className="inline-form">
              <input type="hidden" name="teamId" value={team.id} />
              <div className="field grow">
                <label htmlFor="team-name">Name</label>
                <input id="team-name" name="name" defaultValue={team.name} maxLength={80} required />
                <FieldError name="name" />
              </div>
              <SubmitButton>Rename</SubmitButton>
            </ActionForm>
          ) : (
            <p className="muted">{team.name}. Only the team&apos;s owners can rename it.</p>
          )}
        </section>
      ) : null}

      {projects.length > 0 ? (
        <section className="panel">
          <h2>Projects <span className="count">{projects.length}</span></h2>
          <table className="table">
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td><Link href={`/projects/${p.id}`}>{p.name}</Link></td>
                  <td className="small muted">{[p.restricted ? "restricted" : "whole team", p.archivedAt ? "archived" : null].filter(Boolean).join(" · ")}</td>
                  <td className="actions"><Link className="btn" href={`/projects/${p.id}/settings`}>Settings</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {team && team.role === "owner" ? (
        <section className="panel">
          <h2>Transfer ownership</h2>
          <p className="muted">The member you choose becomes an owner and you become an admin.</p>
          {others.length === 0 ? (
            <p className="muted">Invite someone first: there is nobody to hand the team to.</p>
          ) : (
            <ActionForm action={transferOwnershipAction} className="inline-form" confirm="Hand this team to the selected member? You will become an admin.">
              <input type="hidden" name="teamId" value={team.id} />
              <div className="field grow">
                <label htmlFor="new-owner">New owner</label>
                <select id="new-owner" name="userId" defaultValue="">
                  <option value="" disabled>Choose a member…</option>
                  {others.map((m) => (
                    <option key={m.userId} value={m.userId}>{m.name ? `${m.name} (${m.email})` : m.email} · {m.role}</option>
                  ))}
                </select>
                <FieldError name="userId" />
              </div>
              <SubmitButton variant="plain">Transfer</SubmitButton>
            </ActionForm>
          )}
        </section>
      ) : null}

      <section className="panel">
        <h2>Create a team</h2>
        <p className="muted">A separate workspace with its own members, projects, keys and spend. You will be its owner.</p>
        <ActionForm action={createTeamAction} className="inline-form">
          <div className="field grow">
            <label htmlFor="new-team-name">Team name</label>
            <input id="new-team-name" name="name" maxLength={80} placeholder="e.g. Northwind Creative" required />
            <FieldError name="name" />
          </div>
          <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
        </ActionForm>
      </section>

      {team ? (
        <section className="panel danger-zone">
          <h2>Leave {team.name}</h2>
          <p className="muted">You lose access to its projects at once. A team&apos;s last owner can&apos;t leave: transfer ownership first.</p>
          <ActionForm action={leaveTeamAction} confirm={`Leave ${team.name}?`}>
            <input type="hidden" name="teamId" value={team.id} />
            <SubmitButton variant="danger" pendingLabel="Leaving…">Leave team</SubmitButton>
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
