import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentTeam } from "@/lib/teams/current-team";
import { SiteHeader } from "@/app/_components/site-header";
import { LiveRegionProvider } from "@/app/_components/live-region";
import { ProviderNotice } from "./provider-notice";
import { NotificationBell } from "./notification-bell";
import { SpendBanner } from "./spend-banner";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { team, teams } = await currentTeam(user.id);
  return (
    <LiveRegionProvider>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-primary focus:px-3 focus:py-2 focus:text-primary-foreground">
        Skip to content
      </a>
      <SiteHeader user={user} team={team} teams={teams} notice={team ? <ProviderNotice teamId={team.id} /> : null}
        bell={team ? <NotificationBell userId={user.id} teamId={team.id} /> : null} />
      {team ? <SpendBanner teamId={team.id} /> : null}
      <main id="main" className="mx-auto w-full max-w-[1600px] px-3 py-5 sm:px-5 sm:py-7 lg:px-8">{children}</main>
    </LiveRegionProvider>
  );
}
