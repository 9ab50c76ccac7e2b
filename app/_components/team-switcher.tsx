"use client";

import { useTransition } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { ChevronsUpDown, Plus } from "lucide-react";
import { switchTeamAction } from "@/app/(studio)/settings/team-actions";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";

/** The header's team picker: choosing a team switches at once. */
export function TeamSwitcher({ teams, currentId }: { teams: { id: string; name: string; role: string }[]; currentId: string }) {
  const [pending, start] = useTransition();
  const current = teams.find((t) => t.id === currentId);
  const choose = (teamId: string) => {
    if (teamId === currentId) return;
    const form = new FormData();
    form.set("teamId", teamId);
    start(async () => {
      const result = await switchTeamAction(null, form);
      if (result && !result.ok) toast.error(result.error.message);
    });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {/* The accessible name is the visible text ("Team:" read before it), so voice control can say what it sees. */}
        <Button variant="ghost" size="sm" className="max-w-52 gap-1.5 px-2 text-foreground" disabled={pending}>
          <span className="sr-only">Team: </span>
          <span className="truncate">{current?.name}</span>
          <span className="hidden text-xs text-muted-foreground sm:inline">{current?.role}</span>
          <ChevronsUpDown aria-hidden className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Teams</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={currentId} onValueChange={choose}>
          {teams.map((t) => (
            <DropdownMenuRadioItem key={t.id} value={t.id}>
              <span className="min-w-0 flex-1 truncate">{t.name}</span>
              <span className="text-xs text-muted-foreground">{t.role}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings#create-team"><Plus aria-hidden /> Create a team</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
