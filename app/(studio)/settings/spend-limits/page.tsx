import type { Metadata } from "next";
import Link from "next/link";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { listSpendCaps } from "@/lib/spend/list-spend-caps";
import { listMembers } from "@/lib/teams/list-members";
import { listProjects } from "@/lib/projects/list-projects";
import { formatUsd } from "@/lib/spend/format-usd";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { NoAccess } from "@/app/_components/no-access";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Table, TableCell, TableHead } from "@/app/_components/ui/table";
import { removeMemberCapAction, setMemberCapAction, setTeamLimitAction } from "./actions";
import { settingsContext } from "../settings-context";
import { getSpendAlertSettings } from "@/lib/spend-alerts/get-spend-alert-settings";
import { listWebhookDeliveries } from "@/lib/spend-alerts/list-webhook-deliveries";
import { AlertSettingsSection } from "./alert-settings-section";
import { LimitFields } from "../../_components/spend/limit-fields";

export const metadata: Metadata = { title: "Spend limits" };

export default async function SpendLimitsPage() {
  const { team, allows } = await settingsContext();
  if (!team || !allows("budget.manage")) return <NoAccess what="manage spend limits" />;
  const access = await sessionTeamAccess({ teamId: team.id, permission: "budget.manage" });
  const [caps, members, projects, alertSettings, deliveries] = await Promise.all([
    listSpendCaps({ teamId: team.id }),
    listMembers({ teamId: team.id }),
    listProjects({ access }),
    getSpendAlertSettings({ access }),
    listWebhookDeliveries({ access }),
  ]);
  const teamCap = caps.find((c) => c.userId === null);
  const memberCaps = caps.filter((c) => c.userId !== null);
  const who = new Map(members.map((m) => [m.userId, m.name ?? m.email]));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const teamField = <input type="hidden" name="teamId" value={team.id} />;
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Team monthly limit</CardTitle>
          <CardDescription className="basis-full">
            Across every project, per calendar month (UTC). {teamCap ? `${formatUsd(teamCap.spentMicros)} of ${formatUsd(teamCap.hardLimitMicros)} used this month.` : "None set: only project budgets and member caps apply."}{" "}
            Project budgets are set in each project&apos;s settings. <Link href="/spend" className="underline underline-offset-2 hover:text-foreground">See spend</Link>
          </CardDescription>
        </CardHeader>
        <ActionForm action={setTeamLimitAction} aria-label="Team monthly limit" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          {teamField}
          <LimitFields idPrefix="team" softMicros={teamCap?.softLimitMicros} hardMicros={teamCap?.hardLimitMicros} placeholders={{ soft: "e.g. 800", hard: "e.g. 1000" }} hardEmptyHint="Empty: no team limit." />
          <div className="sm:pt-6"><SubmitButton>Save limit</SubmitButton></div>
        </ActionForm>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Member caps</CardTitle>
          <CardDescription className="basis-full">A monthly cap on what one person&apos;s generations may cost, across the team or inside one project. API keys count against their creator.</CardDescription>
        </CardHeader>
        <div className="grid gap-4">
          {memberCaps.length > 0 ? (
            <Table>
              <thead><tr><TableHead>Member</TableHead><TableHead>Where</TableHead><TableHead className="text-right">This month</TableHead><TableHead><span className="sr-only">Actions</span></TableHead></tr></thead>
              <tbody>
                {memberCaps.map((c) => (
                  <tr key={c.id}>
                    <TableCell>{who.get(c.userId!) ?? "Former member"}</TableCell>
                    <TableCell className="text-muted-foreground">{c.projectId ? (projectName.get(c.projectId) ?? "A project") : "All projects"}</TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">{formatUsd(c.spentMicros)} / {formatUsd(c.hardLimitMicros)}</TableCell>
                    <TableCell className="w-px text-right">
                      <ActionForm action={removeMemberCapAction} aria-label={`Remove the cap of ${who.get(c.userId!) ?? "a former member"}`} showMessage={false}>
                        {teamField}
                        <input type="hidden" name="userId" value={c.userId!} />
                        <input type="hidden" name="projectId" value={c.projectId ?? ""} />
                        <SubmitButton variant="secondary" size="sm" pendingLabel="…">Remove</SubmitButton>
                      </ActionForm>
                    </TableCell>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : <p className="text-sm text-muted-foreground">No member caps yet.</p>}
          <ActionForm action={setMemberCapAction} aria-label="Set a member cap" className="grid gap-4 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start">
            {teamField}
            <Field id="cap-member" name="userId" label="Member">
              <NativeSelect id="cap-member" name="userId" defaultValue="">
                <option value="" disabled>Choose…</option>
                {members.map((m) => <option key={m.userId} value={m.userId}>{m.name ?? m.email} · {m.role}</option>)}
              </NativeSelect>
            </Field>
            <Field id="cap-project" name="projectId" label="Where">
              <NativeSelect id="cap-project" name="projectId" defaultValue="">
                <option value="">All projects</option>
                {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </NativeSelect>
            </Field>
            <Field id="cap-usd" name="hardUsd" label="Cap (USD)">
              <Input id="cap-usd" name="hardUsd" inputMode="decimal" placeholder="e.g. 50" />
            </Field>
            <div className="sm:pt-6"><SubmitButton>Set cap</SubmitButton></div>
          </ActionForm>
        </div>
      </Card>

      <AlertSettingsSection teamId={team.id} settings={alertSettings} deliveries={deliveries} />
    </div>
  );
}
