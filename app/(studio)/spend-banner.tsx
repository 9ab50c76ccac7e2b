import { sessionTeamAccess } from "@/lib/teams/session-team-access";
import { listActiveSpendAlerts } from "@/lib/spend-alerts/list-active-spend-alerts";
import { SpendBannerLive } from "./spend-banner-live";

/** The studio-wide banner while a limit of this month is at 80 % or more (what the caller may see of them). */
export async function SpendBanner(props: { teamId: string }) {
  const access = await sessionTeamAccess({ teamId: props.teamId, permission: "project.read" });
  const alerts = await listActiveSpendAlerts({ access });
  return <SpendBannerLive teamId={props.teamId} initial={alerts} />;
}
