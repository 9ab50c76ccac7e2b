"use client";

import Link from "next/link";
import { LogOut, Settings, UserRound } from "lucide-react";
import { signOutAction } from "@/app/(studio)/actions";
import { clearGenerateDrafts } from "@/app/(studio)/projects/[projectId]/_components/generate/use-generate-draft";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";

export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const initial = (name ?? email).trim().charAt(0).toUpperCase();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex items-center gap-2 rounded-full p-0.5 pr-0.5 text-sm text-muted-foreground hover:text-foreground lg:pr-2">
        <span className="sr-only">Account menu: </span>
        <span aria-hidden className="flex size-7 items-center justify-center rounded-full border border-border bg-secondary text-xs font-semibold text-foreground">{initial}</span>
        <span className="sr-only lg:not-sr-only lg:inline-block lg:max-w-44 lg:truncate">{email}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="truncate">{email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild><Link href="/account"><UserRound aria-hidden /> Account</Link></DropdownMenuItem>
        <DropdownMenuItem asChild><Link href="/settings"><Settings aria-hidden /> Team settings</Link></DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => {
          // Generate drafts can hold unreleased prompts: they leave with the person (use-generate-draft.ts).
          clearGenerateDrafts();
          void signOutAction();
        }}><LogOut aria-hidden /> Sign out</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
