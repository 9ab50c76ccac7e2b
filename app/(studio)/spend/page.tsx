import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { currentTeam } from "@/lib/teams/current-team";
import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { spendReport } from "@/lib/spend/spend-report";
import { readSpendRange } from "@/lib/spend/read-spend-range";
import { listSpendAlerts } from "@/lib/spend/list-spend-alerts";
import { PageHeader } from "@/app/_components/page-header";
import { NoAccess } from "@/app/_components/no-access";
import { SpendView } from "../_components/spend/spend-view";

export const metadata: Metadata = { title: "Spend" };

export default async function TeamSpendPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team } = await currentTeam(user.id);
  if (!team) redirect("/");
  if (!can(team.role, "spend.read")) return <div className="mx-auto max-w-5xl"><PageHeader title="Spend" /><NoAccess what="see the team's spend" /></div>;
  const access = await sessionTeamAccess({ teamId: team.id, permission: "spend.read" });
  const range = readSpendRange(await searchParams);
  const [report, alerts] = await Promise.all([spendReport({ teamId: access.teamId, range }), listSpendAlerts({ teamId: access.teamId })]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Spend" description={`${team.name} · every project, in UTC days, from the ledger`} />
      <SpendView report={report} alerts={alerts} groups={["day", "project", "member", "model", "provider", "element"]} csvBase={`/api/v1/teams/${team.id}/spend`}
        limitName="team limit" limitsHref={can(team.role, "budget.manage") ? "/settings/spend-limits" : undefined} />
    </div>
  );
}
