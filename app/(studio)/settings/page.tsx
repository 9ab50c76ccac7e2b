import type { Metadata } from "next";
import Link from "next/link";
import { listMembers } from "@/lib/teams/list-members";
import { listProjects } from "@/lib/projects/list-projects";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Table, TableCell } from "@/app/_components/ui/table";
import { createTeamAction, leaveTeamAction, renameTeamAction, transferOwnershipAction } from "./team-actions";
import { settingsContext } from "./settings-context";

export const metadata: Metadata = { title: "Team settings" };

const inline = "flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end [&>div:first-of-type]:flex-1";

export default async function GeneralSettingsPage() {
  const { user, team, allows } = await settingsContext();
  const others = team && team.role === "owner" ? (await listMembers({ teamId: team.id })).filter((m) => m.role !== "owner") : [];
  // Archived projects leave the studio's project list; this is where they can be found and brought back.
  const projects = team && allows("project.manage")
    ? await listProjects({ access: { teamId: team.id, role: team.role, caller: { kind: "user", userId: user.id }, actorUserId: user.id }, includeArchived: true })
    : [];
  return (
    <div className="grid gap-4">
      {team ? (
        <Card>
          <CardHeader><CardTitle>Team name</CardTitle></CardHeader>
          {allows("team.manage") ? (
            <ActionForm action={renameTeamAction} className={inline} aria-label="Team name">
              <input type="hidden" name="teamId" value={team.id} />
              <Field id="team-name" name="name" label="Name">
                <Input id="team-name" name="name" defaultValue={team.name} maxLength={80} required />
              </Field>
              <SubmitButton>Rename</SubmitButton>
            </ActionForm>
          ) : (
            <CardDescription>{team.name}. Only the team&apos;s owners can rename it.</CardDescription>
          )}
        </Card>
      ) : null}

      {projects.length > 0 ? (
        <Card>
          <CardHeader><CardTitle>Projects <Badge>{projects.length}</Badge></CardTitle></CardHeader>
          <Table>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <TableCell><Link className="font-medium hover:underline" href={`/projects/${p.id}`}>{p.name}</Link></TableCell>
                  <TableCell className="text-[13px] text-muted-foreground">{[p.restricted ? "restricted" : "whole team", p.archivedAt ? "archived" : null].filter(Boolean).join(" · ")}</TableCell>
                  <TableCell className="w-px text-right"><Button asChild variant="secondary" size="sm"><Link href={`/projects/${p.id}/settings`} aria-label={`Settings for ${p.name}`}>Settings</Link></Button></TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}

      {team && team.role === "owner" ? (
        <Card>
          <CardHeader>
            <CardTitle>Transfer ownership</CardTitle>
            <CardDescription className="basis-full">The member you choose becomes an owner and you become an admin.</CardDescription>
          </CardHeader>
          {others.length === 0 ? (
            <CardDescription>Invite someone first: there is nobody to hand the team to.</CardDescription>
          ) : (
            <ActionForm action={transferOwnershipAction} className={inline} aria-label="Transfer ownership"
              confirm={{ title: "Hand this team over?", description: "The selected member becomes an owner and you become an admin.", action: "Transfer ownership" }}>
              <input type="hidden" name="teamId" value={team.id} />
              <Field id="new-owner" name="userId" label="New owner">
                <NativeSelect id="new-owner" name="userId" defaultValue="">
                  <option value="" disabled>Choose a member…</option>
                  {others.map((m) => (
                    <option key={m.userId} value={m.userId}>{m.name ? `${m.name} (${m.email})` : m.email} · {m.role}</option>
                  ))}
                </NativeSelect>
              </Field>
              <SubmitButton variant="secondary">Transfer</SubmitButton>
            </ActionForm>
          )}
        </Card>
      ) : null}

      <Card id="create-team">
        <CardHeader>
          <CardTitle>Create a team</CardTitle>
          <CardDescription className="basis-full">A separate workspace with its own members, projects, keys and spend. You will be its owner.</CardDescription>
        </CardHeader>
        <ActionForm action={createTeamAction} className={inline} aria-label="Create a team">
          <Field id="new-team-name" name="name" label="Team name">
            <Input id="new-team-name" name="name" maxLength={80} placeholder="e.g. Northwind Creative" required />
          </Field>
          <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
        </ActionForm>
      </Card>

      {team ? (
        <Card className="border-destructive/25">
          <CardHeader>
            <CardTitle>Leave {team.name}</CardTitle>
            <CardDescription className="basis-full">You lose access to its projects at once. A team&apos;s last owner can&apos;t leave: transfer ownership first.</CardDescription>
          </CardHeader>
          <ActionForm action={leaveTeamAction} aria-label="Leave team"
            confirm={{ title: `Leave ${team.name}?`, description: "You lose access to its projects at once.", action: "Leave team", destructive: true }}>
            <input type="hidden" name="teamId" value={team.id} />
            <SubmitButton variant="destructive" pendingLabel="Leaving…">Leave team</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
