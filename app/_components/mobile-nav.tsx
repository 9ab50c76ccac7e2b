"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/app/_components/ui/sheet";
import { NavLinks } from "@/app/_components/nav-links";

export function MobileNav({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="lg:hidden" aria-label="Open menu"><Menu aria-hidden /></Button>
      </SheetTrigger>
      <SheetContent side="left" onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}>
        <SheetTitle className="font-semibold">Menu</SheetTitle>
        <SheetDescription className="truncate text-sm text-muted-foreground">{email}</SheetDescription>
        <NavLinks vertical />
      </SheetContent>
    </Sheet>
  );
}
