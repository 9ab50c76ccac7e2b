"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/app/_components/cn";

const LINKS = [
  { href: "/", label: "Projects", active: (p: string) => p === "/" || (p.startsWith("/projects") && !/^\/projects\/[^/]+\/spend/.test(p)) },
  { href: "/elements", label: "Elements", active: (p: string) => p.startsWith("/elements") },
  { href: "/prompts", label: "Prompts", active: (p: string) => p.startsWith("/prompts") },
  { href: "/spend", label: "Spend", active: (p: string) => p === "/spend" || /^\/projects\/[^/]+\/spend/.test(p) },
  { href: "/settings", label: "Settings", active: (p: string) => p.startsWith("/settings") },
  { href: "/account", label: "Account", active: (p: string) => p.startsWith("/account") },
];

export function NavLinks({ className, vertical }: { className?: string; vertical?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Studio" className={cn("flex gap-1", vertical ? "flex-col" : "items-center", className)}>
      {LINKS.map((link) => {
        const active = link.active(pathname);
        return (
          <Link key={link.href} href={link.href} aria-current={active ? "page" : undefined}
            className={cn("rounded-md px-2.5 py-1.5 text-sm transition-colors hover:bg-accent hover:text-foreground", active ? "text-foreground" : "text-muted-foreground")}>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
