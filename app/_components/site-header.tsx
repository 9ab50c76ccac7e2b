import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "@/app/_components/brand";
import { NavLinks } from "@/app/_components/nav-links";
import { MobileNav } from "@/app/_components/mobile-nav";
import { TeamSwitcher } from "@/app/_components/team-switcher";
import { UserMenu } from "@/app/_components/user-menu";

export function SiteHeader(props: {
  user: { email: string; name: string | null };
  team: { id: string } | null;
  teams: { id: string; name: string; role: string }[];
  /** Where this team's generations go, when that needs saying (app/(studio)/provider-notice.tsx). */
  notice?: ReactNode;
}) {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-13 max-w-[1600px] items-center gap-2 px-3 sm:px-5">
        <MobileNav email={props.user.email} />
        <Link href="/" className="shrink-0 rounded-md px-1 py-1" aria-label="Asset Studio, projects"><Brand compact /></Link>
        {props.team ? (
          <>
            <span aria-hidden className="hidden h-4 w-px rotate-12 bg-input sm:block" />
            <TeamSwitcher teams={props.teams} currentId={props.team.id} />
          </>
        ) : null}
        <NavLinks className="ml-2 hidden lg:flex" />
        <div className="ml-auto flex items-center gap-2">
          {props.notice}
          <UserMenu email={props.user.email} name={props.user.name} />
        </div>
      </div>
    </header>
  );
}
