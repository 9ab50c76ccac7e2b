"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Pencil, Plus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/app/_components/ui/dialog";
import { ElementForm, type ElementFormValues, type PickableAsset } from "./element-form";

/** "New element" and "Edit" open the same form in a dialog; a new element opens its page (the action redirects). */
export function ElementDialog(props: { teamId: string; pickable: PickableAsset[]; element?: ElementFormValues; trigger?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const editing = Boolean(props.element);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {props.trigger ?? (editing ? <Button variant="secondary"><Pencil aria-hidden /> Edit</Button> : <Button><Plus aria-hidden /> New element</Button>)}
      </DialogTrigger>
      <DialogContent className="max-h-[92vh] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${props.element!.name}` : "New element"}</DialogTitle>
          <DialogDescription>
            {editing
              ? "Saving makes a new version. Images already generated keep the version they used."
              : "A character, product, brand asset, scene or style to keep consistent across generations."}
          </DialogDescription>
        </DialogHeader>
        <ElementForm teamId={props.teamId} pickable={props.pickable} element={props.element}
          onSaved={() => { setOpen(false); router.refresh(); }} />
      </DialogContent>
    </Dialog>
  );
}
