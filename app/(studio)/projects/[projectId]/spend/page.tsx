import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { spendReport } from "@/lib/spend/spend-report";
import { readSpendRange } from "@/lib/spend/read-spend-range";
import { listSpendAlerts } from "@/lib/spend/list-spend-alerts";
import { PageHeader } from "@/app/_components/page-header";
import { SpendView } from "../../../_components/spend/spend-view";
import { SpendLiveRefresh } from "./spend-live-refresh";
import { projectPageAccess } from "../project-page-access";

export const metadata: Metadata = { title: "Project spend" };

export default async function ProjectSpendPage(props: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { projectId } = await props.params;
  // Before anything is read: the project's event stream re-renders the page as generations move, so new spend shows
  // in the chart and table without a reload (see SpendLiveRefresh).
  const renderedAt = new Date().toISOString();
  const { project, access } = await projectPageAccess(projectId);
  // Someone who can see the project but not its spend gets the styled 403 page.
  if (!can(access.role, "spend.read")) forbidden();
  const [report, alerts] = await Promise.all([
    spendReport({ teamId: project.teamId, projectId: project.id, range: readSpendRange(await props.searchParams) }),
    listSpendAlerts({ teamId: project.teamId, projectId: project.id }),
  ]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="Project spend" description={`${project.name} · in UTC days, from the ledger`} />
      <SpendView report={report} alerts={alerts} groups={["day", "member", "model", "provider", "element"]} csvBase={`/api/v1/projects/${project.id}/spend`}
        limitName="project budget" limitsHref={can(access.role, "budget.manage") ? `/projects/${project.id}/settings` : undefined} />
      <SpendLiveRefresh projectId={project.id} renderedAt={renderedAt} />
    </div>
  );
}
