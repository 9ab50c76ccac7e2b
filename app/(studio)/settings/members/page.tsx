import type { Metadata } from "next";
import { listMembers } from "@/lib/teams/list-members";
import { listInvitations } from "@/lib/invitations/list-invitations";
import { ROLES } from "@/lib/teams/team-schemas";
import { ActionForm, Field, FieldError, OnceValue, SubmitButton } from "@/app/_components/action-form";
import { ButtonAction } from "@/app/_components/button-action";
import { NoAccess } from "@/app/_components/no-access";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "./actions";
import { settingsContext } from "../settings-context";
import { timeAgo } from "../time-ago";

export const metadata: Metadata = { title: "Members" };

const ROLE_HELP = "Owners manage everything, admins manage members, keys and budgets, editors generate, viewers look.";

export default async function MembersPage() {
  const { user, team, allows } = await settingsContext();
  if (!team || !allows("member.manage")) return <NoAccess what="manage members" />;
  const [members, invitations] = await Promise.all([listMembers({ teamId: team.id }), listInvitations({ teamId: team.id })]);
  const ownerCount = members.filter((m) => m.role === "owner").length;
  const grantable = team.role === "owner" ? ROLES : ROLES.filter((r) => r !== "owner");
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Invite someone</CardTitle>
          <CardDescription className="basis-full">{ROLE_HELP} The link works once and expires in 7 days.</CardDescription>
        </CardHeader>
        <ActionForm resetOnSuccess action={inviteMemberAction} aria-label="Invite someone" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
          <input type="hidden" name="teamId" value={team.id} />
          <Field id="invite-email" name="email" label="Email" className="sm:flex-1">
            <Input id="invite-email" name="email" type="email" placeholder="name@company.com" required />
          </Field>
          <Field id="invite-role" name="role" label="Role" className="sm:w-40">
            <NativeSelect id="invite-role" name="role" defaultValue="editor">
              {grantable.map((r) => <option key={r} value={r}>{r}</option>)}
            </NativeSelect>
          </Field>
          <SubmitButton pendingLabel="Inviting…">Send invitation</SubmitButton>
          <OnceValue name="inviteUrl" label="Invitation link" hint="Anyone with this link can join as the invited address. It works once." />
        </ActionForm>
      </Card>

      <Card>
        <CardHeader><CardTitle>Members <Badge>{members.length}</Badge></CardTitle></CardHeader>
        <Table>
          <thead><tr><TableHead>Person</TableHead><TableHead>Role</TableHead><TableHead className="hidden sm:table-cell">Joined</TableHead><TableHead><span className="sr-only">Actions</span></TableHead></tr></thead>
          <tbody>
            {members.map((m) => {
              // The only owner's role has nothing it could change to (the team needs an owner): shown, not offered.
              const soleOwner = m.role === "owner" && ownerCount === 1;
              const locked = (m.role === "owner" && team.role !== "owner") || soleOwner;
              return (
                <tr key={m.userId}>
                  <TableCell className="max-w-0 min-w-32">
                    <div className="flex items-center gap-1.5"><strong className="truncate font-medium">{m.name ?? m.email}</strong>{m.userId === user.id ? <Badge>you</Badge> : null}</div>
                    <div className="truncate text-xs text-muted-foreground">{m.email}</div>
                  </TableCell>
                  <TableCell>
                    {locked ? <Badge>{m.role}</Badge> : (
                      <ActionForm action={changeRoleAction} aria-label={`Role of ${m.email}`} showMessage={false} className="flex flex-wrap items-center gap-1.5">
                        <input type="hidden" name="teamId" value={team.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <NativeSelect name="role" defaultValue={m.role} aria-label={`Role of ${m.email}`} className="w-28">
                          {grantable.map((r) => <option key={r} value={r}>{r}</option>)}
                        </NativeSelect>
                        <SubmitButton variant="secondary" size="sm" pendingLabel="…">Change</SubmitButton>
                        <FieldError name="role" />
                      </ActionForm>
                    )}
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{timeAgo(m.joinedAt)}</TableCell>
                  <TableCell className="w-px text-right">
                    {locked || m.userId === user.id ? null : (
                      <ButtonAction action={removeMemberAction} fields={{ teamId: team.id, userId: m.userId }} aria-label={`Remove ${m.email}`}
                        variant="destructive" pendingLabel="Removing…"
                        confirm={{ title: `Remove ${m.email}?`, description: `They lose access to ${team.name} at once, and API keys they created are revoked.`, action: "Remove", destructive: true }}>
                        Remove
                      </ButtonAction>
                    )}
                  </TableCell>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>

      <Card>
        <CardHeader><CardTitle>Pending invitations <Badge>{invitations.length}</Badge></CardTitle></CardHeader>
        {invitations.length === 0 ? <CardDescription>No invitations waiting.</CardDescription> : (
          <Table>
            <thead><tr><TableHead>Email</TableHead><TableHead>Role</TableHead><TableHead className="hidden sm:table-cell">Expires</TableHead><TableHead><span className="sr-only">Actions</span></TableHead></tr></thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <TableCell className="max-w-0 min-w-32 truncate">{i.email}</TableCell>
                  <TableCell><Badge>{i.role}</Badge></TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{i.expiresAt.toISOString().slice(0, 10)}</TableCell>
                  <TableCell className="w-px text-right">
                    <ButtonAction action={revokeInvitationAction} fields={{ teamId: team.id, invitationId: i.id }}
                      aria-label={`Revoke invitation for ${i.email}`} pendingLabel="Revoking…">Revoke</ButtonAction>
                  </TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
