"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/app/_components/cn";

// Each tab is its own page, so these are links (with aria-current), not an in-page tablist.
export function SettingsTabs({ tabs }: { tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Team settings" className="-mx-3 mb-6 overflow-x-auto border-b border-border px-3 sm:mx-0 sm:px-0">
      <div className="flex gap-1">
        {tabs.map((tab) => {
          const current = pathname === tab.href;
          return (
            <Link key={tab.href} href={tab.href} aria-current={current ? "page" : undefined}
              className={cn("-mb-px shrink-0 border-b-2 px-3 py-2 text-sm transition-colors hover:text-foreground",
                current ? "border-primary text-foreground" : "border-transparent text-muted-foreground")}>
              {tab.label}
            </Link>
          );
        })}
      </div>
    </nav>
  );
}
