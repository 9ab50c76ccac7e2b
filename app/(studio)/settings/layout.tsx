import type { ReactNode } from "react";
import { PageHeader } from "@/app/_components/page-header";
import { settingsContext } from "./settings-context";
import { SettingsTabs } from "./settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { team, allows } = await settingsContext();
  const tabs = [
    { href: "/settings", label: "General", show: true },
    { href: "/settings/members", label: "Members", show: allows("member.manage") },
    { href: "/settings/providers", label: "Providers", show: allows("credential.manage") },
    { href: "/settings/api-keys", label: "API keys", show: allows("apikey.manage") },
    { href: "/settings/spend-limits", label: "Spend limits", show: allows("budget.manage") },
    { href: "/settings/audit", label: "Audit log", show: allows("audit.read") },
  ].filter((t) => t.show);
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title="Team settings" description={team ? `${team.name} · you are ${article(team.role)} ${team.role}` : "You are not in a team yet"} />
      {team ? <SettingsTabs tabs={tabs} /> : null}
      {children}
    </div>
  );
}

function article(role: string) {
  return role === "viewer" ? "a" : "an";
}
