import type { Metadata } from "next";
import { listMembers } from "@/lib/teams/list-members";
import { listInvitations } from "@/lib/teams/list-invitations";
import { ROLES } from "@/lib/teams/team-schemas";
import { ActionForm, FieldError, OnceValue, SubmitButton } from "../action-form";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "./actions";
import { settingsContext } from "../settings-context";
import { NoAccess } from "../no-access";
import { timeAgo } from "../time-ago";

export const metadata: Metadata = { title: "Members" };

const ROLE_HELP = "Owners manage everything, admins manage members, keys and budgets, editors generate, viewers look.";

export default async function MembersPage() {
  const { user, team, allows } = await settingsContext();
  if (!team || !allows("member.manage")) return <NoAccess what="manage members" />;
  const [members, invitations] = await Promise.all([listMembers({ teamId: team.id }), listInvitations({ teamId: team.id })]);
  const grantable = team.role === "owner" ? ROLES : ROLES.filter((r) => r !== "owner");
  return (
    <div className="settings-stack">
      <section className="panel">
        <h2>Invite someone</h2>
        <p className="muted">{ROLE_HELP} The link works once and expires in 7 days.</p>
        <ActionForm resetOnSuccess action={inviteMemberAction} className="inline-form">
          <input type="hidden" name="teamId" value={team.id} />
          <div className="field grow">
            <label htmlFor="invite-email">Email</label>
            <input id="invite-email" name="email" type="email" placeholder="name@company.com" required />
            <FieldError name="email" />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" name="role" defaultValue="editor">
              {grantable.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
            <FieldError name="role" />
          </div>
          <SubmitButton pendingLabel="Inviting…">Send invitation</SubmitButton>
          <OnceValue name="inviteUrl" label="Invitation link" hint="Anyone with this link can join as the invited address. It works once." />
        </ActionForm>
      </section>

      <section className="panel">
        <h2>Members <span className="count">{members.length}</span></h2>
        <table className="table">
          <thead><tr><th>Person</th><th>Role</th><th>Joined</th><th aria-label="Actions" /></tr></thead>
          <tbody>
            {members.map((m) => {
              const locked = m.role === "owner" && team.role !== "owner";
              return (
                <tr key={m.userId}>
                  <td>
                    <strong>{m.name ?? m.email}</strong>{m.userId === user.id ? <span className="pill">you</span> : null}
                    <div className="muted small">{m.email}</div>
                  </td>
                  <td>
                    {locked ? <span className="pill">{m.role}</span> : (
                      <ActionForm action={changeRoleAction} className="row-form">
                        <input type="hidden" name="teamId" value={team.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <select name="role" defaultValue={m.role} aria-label={`Role of ${m.email}`}>
                          {grantable.map((r) => <option key={r} value={r}>{r}</option>)}
                        </select>
                        <SubmitButton variant="plain" pendingLabel="…">Change</SubmitButton>
                        <FieldError name="role" />
                      </ActionForm>
                    )}
                  </td>
                  <td className="muted">{timeAgo(m.joinedAt)}</td>
                  <td className="actions">
                    {locked || m.userId === user.id ? null : (
                      <ActionForm action={removeMemberAction} confirm={`Remove ${m.email} from ${team.name}?`}>
                        <input type="hidden" name="teamId" value={team.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <SubmitButton variant="danger" pendingLabel="Removing…">Remove</SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="panel">
        <h2>Pending invitations <span className="count">{invitations.length}</span></h2>
        {invitations.length === 0 ? <p className="muted">No invitations waiting.</p> : (
          <table className="table">
            <thead><tr><th>Email</th><th>Role</th><th>Expires</th><th aria-label="Actions" /></tr></thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td><span className="pill">{i.role}</span></td>
                  <td className="muted">{i.expiresAt.toISOString().slice(0, 10)}</td>
                  <td className="actions">
                    <ActionForm action={revokeInvitationAction}>
                      <input type="hidden" name="teamId" value={team.id} />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <SubmitButton variant="plain" pendingLabel="Revoking…">Revoke</SubmitButton>
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
