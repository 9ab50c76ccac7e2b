"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/app/_components/ui/alert-dialog";
import { signOutEverywhereAction } from "./actions";

// A real form (it works before JavaScript loads, and Next checks its Origin); with JavaScript it asks first.
export function SignOutEverywhereButton({ icon }: { icon: ReactNode }) {
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  return (
    <form ref={formRef} action={signOutEverywhereAction}
      onSubmit={(event) => {
        if (confirmed.current) return;
        event.preventDefault();
        setOpen(true);
      }}>
      <Button type="submit" variant="destructive">{icon} Sign out everywhere</Button>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Sign out everywhere?</AlertDialogTitle>
            <AlertDialogDescription>Every session ends, including this one. You will need to sign in again.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction destructive onClick={() => {
              confirmed.current = true;
              formRef.current?.requestSubmit();
            }}>Sign out everywhere</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
