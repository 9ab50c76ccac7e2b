import { Suspense, type ReactNode } from "react";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { currentTeam } from "@/lib/teams/current-team";
import { SiteHeader } from "@/app/_components/site-header";
import { LiveRegionProvider } from "@/app/_components/live-region";
import { ProviderNotice } from "./provider-notice";
import { BellLink, NotificationBell } from "./notification-bell";
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
      {/* Each read below streams in behind its own boundary: none of them is the page's largest paint (the project
          page's thumbnails are), so none may hold the first byte. The notice and the banner are usually absent. */}
      <SiteHeader user={user} team={team} teams={teams}
        notice={team ? <Suspense fallback={null}><ProviderNotice teamId={team.id} /></Suspense> : null}
        bell={team ? <Suspense fallback={<BellLink unread={0} />}><NotificationBell userId={user.id} teamId={team.id} /></Suspense> : null} />
      {team ? <Suspense fallback={null}><SpendBanner teamId={team.id} /></Suspense> : null}
      <main id="main" className="mx-auto w-full max-w-[1600px] px-3 py-5 sm:px-5 sm:py-7 lg:px-8">{children}</main>
    </LiveRegionProvider>
  );
}
