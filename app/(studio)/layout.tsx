import type { ReactNode } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentTeam } from "@/lib/teams/current-team";
import { ProviderNotice } from "./provider-notice";
import { signOutAction } from "./actions";
import { TeamSwitcher } from "./settings/team-switcher";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team, teams } = await currentTeam(user.id);
  return (
    <>
      <header className="studio-header">
        <nav>
          <Link href="/" className="brand" style={{ color: "var(--text)" }}>
            <span className="brand-mark" aria-hidden /> Asset Studio
          </Link>
          {team && teams.length > 1 ? <TeamSwitcher teams={teams} currentId={team.id} /> : null}
          {team && teams.length <= 1 ? <span className="pill">{team.name} · {team.role}</span> : null}
          <Link href="/settings" className="nav-link">Settings</Link>
        </nav>
        <nav>
          {team ? <ProviderNotice teamId={team.id} /> : null}
          <Link href="/account" className="nav-link" title={user.email}>Account</Link>
          <span className="muted header-email" title={user.email}>{user.email}</span>
          <form action={signOutAction}>
            <button className="btn" type="submit">Sign out</button>
          </form>
        </nav>
      </header>
      <main className="studio-main">{children}</main>
    </>
  );
}
