import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { listProjectMembers } from "@/lib/projects/list-project-members";
import { listMembers } from "@/lib/teams/list-members";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { Textarea } from "@/app/_components/ui/textarea";
import { listBudgets } from "@/lib/spend/list-budgets";
import { formatUsd } from "@/lib/spend/format-usd";
import Link from "next/link";
import { projectPageAccess } from "../project-page-access";
import { LimitFields } from "../../../_components/spend/limit-fields";
import { addProjectMemberAction, removeProjectMemberAction, setProjectBudgetAction, setProjectFlagsAction, updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, access } = await projectPageAccess(projectId);
  // Someone who can see the project but not manage it gets the styled 403 page.
  if (!can(access.role, "project.manage")) forbidden();
  const [named, members, budgets] = await Promise.all([
    listProjectMembers({ projectId: project.id }),
    listMembers({ teamId: project.teamId }),
    can(access.role, "budget.manage") ? listBudgets({ project }) : Promise.resolve(null),
  ]);
  const monthly = budgets?.find((b) => b.period === "monthly");
  const namedIds = new Set(named.map((n) => n.userId));
  const addable = members.filter((m) => !namedIds.has(m.userId) && m.role !== "owner" && m.role !== "admin");
  const hidden = <input type="hidden" name="projectId" value={project.id} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="Project settings"
        description={<span className="flex items-center gap-2">{project.name}{project.archivedAt ? <Badge>archived</Badge> : null}</span>} />
      <div className="grid gap-4">
        <Card>
          <CardHeader><CardTitle>Name and description</CardTitle></CardHeader>
          <ActionForm action={updateProjectAction} aria-label="Name and description" className="grid gap-4">
            {hidden}
            <Field id="project-name" name="name" label="Name">
              <Input id="project-name" name="name" defaultValue={project.name} maxLength={120} required />
            </Field>
            <Field id="project-description" name="description" label="Description">
              <Textarea id="project-description" name="description" defaultValue={project.description ?? ""} rows={3} maxLength={2000} />
            </Field>
            <div><SubmitButton>Save</SubmitButton></div>
          </ActionForm>
        </Card>

        {budgets ? (
          <Card>
            <CardHeader>
              <CardTitle>Monthly budget</CardTitle>
              <CardDescription className="basis-full">
                {formatUsd(monthly?.spentMicros ?? 0)} spent this month (UTC).{" "}
                Past the alert threshold owners and admins are told; a generation that would go past the hard limit is refused.{" "}
                <Link href={`/projects/${project.id}/spend`} className="underline underline-offset-2 hover:text-foreground">See spend</Link>
              </CardDescription>
            </CardHeader>
            <ActionForm action={setProjectBudgetAction} aria-label="Monthly budget" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
              {hidden}
              <LimitFields idPrefix="budget" softMicros={monthly?.softLimitMicros} hardMicros={monthly?.hardLimitMicros} placeholders={{ soft: "e.g. 200", hard: "e.g. 250" }} hardEmptyHint="Empty: no limit." />
              <div className="sm:pt-6"><SubmitButton>Save budget</SubmitButton></div>
            </ActionForm>
          </Card>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Who can see it</CardTitle>
            <CardDescription className="basis-full">
              {project.restricted
                ? "Restricted: only owners, admins and the people named below see this project."
                : "Everyone in the team sees this project, with what their role allows."}
            </CardDescription>
          </CardHeader>
          <ActionForm action={setProjectFlagsAction} aria-label="Visibility">
            {hidden}
            <input type="hidden" name="flag" value="restricted" />
            <input type="hidden" name="value" value={String(!project.restricted)} />
            <SubmitButton variant="secondary">{project.restricted ? "Open to the whole team" : "Restrict to named members"}</SubmitButton>
          </ActionForm>
          {project.restricted ? (
            <div className="mt-4 grid gap-4">
              <Table>
                <thead><tr><TableHead>Named member</TableHead><TableHead><span className="sr-only">Actions</span></TableHead></tr></thead>
                <tbody>
                  {named.length === 0 ? <tr><TableCell colSpan={2} className="text-muted-foreground">Nobody named yet: only owners and admins see it.</TableCell></tr> : null}
                  {named.map((n) => (
                    <tr key={n.userId}>
                      <TableCell>{n.name ?? n.email} <span className="text-xs text-muted-foreground">{n.email}</span></TableCell>
                      <TableCell className="w-px text-right">
                        <ActionForm action={removeProjectMemberAction} aria-label={`Remove ${n.email}`} showMessage={false}>
                          {hidden}
                          <input type="hidden" name="userId" value={n.userId} />
                          <SubmitButton variant="secondary" size="sm" pendingLabel="…">Remove</SubmitButton>
                        </ActionForm>
                      </TableCell>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {addable.length > 0 ? (
                <ActionForm action={addProjectMemberAction} aria-label="Add a named member" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
                  {hidden}
                  <Field id="project-member" name="userId" label="Add a team member" className="sm:flex-1">
                    <NativeSelect id="project-member" name="userId" defaultValue="">
                      <option value="" disabled>Choose…</option>
                      {addable.map((m) => <option key={m.userId} value={m.userId}>{m.name ?? m.email} · {m.role}</option>)}
                    </NativeSelect>
                  </Field>
                  <SubmitButton>Add</SubmitButton>
                </ActionForm>
              ) : null}
            </div>
          ) : null}
        </Card>

        <Card className={project.archivedAt ? undefined : "border-destructive/25"}>
          <CardHeader>
            <CardTitle>{project.archivedAt ? "Restore" : "Archive"}</CardTitle>
            <CardDescription className="basis-full">Archived projects leave the project list; their images, history and spend stay.</CardDescription>
          </CardHeader>
          <ActionForm action={setProjectFlagsAction} aria-label={project.archivedAt ? "Restore project" : "Archive project"}
            confirm={project.archivedAt ? undefined : { title: `Archive ${project.name}?`, description: "It leaves the project list. You can restore it at any time.", action: "Archive project", destructive: true }}>
            {hidden}
            <input type="hidden" name="flag" value="archived" />
            <input type="hidden" name="value" value={String(!project.archivedAt)} />
            <SubmitButton variant={project.archivedAt ? "secondary" : "destructive"}>{project.archivedAt ? "Restore project" : "Archive project"}</SubmitButton>
          </ActionForm>
        </Card>
      </div>
    </div>
  );
}
