"use client";

import { useState, type ReactNode } from "react";
import { Plus } from "lucide-react";
import { createProjectAction } from "@/app/(studio)/projects/actions";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/app/_components/ui/dialog";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";

export function NewProjectDialog({ teamId, trigger }: { teamId: string; trigger?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger ?? <Button><Plus aria-hidden /> New project</Button>}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New project</DialogTitle>
          <DialogDescription>A project holds one campaign&apos;s images, prompts and spend.</DialogDescription>
        </DialogHeader>
        <ActionForm
          action={createProjectAction}
          aria-label="New project"
          className="grid gap-4"
          showMessage={false}
          onSuccess={() => setOpen(false)}
        >
          <input type="hidden" name="teamId" value={teamId} />
          <Field id="project-name" name="name" label="Name">
            <Input id="project-name" name="name" maxLength={120} placeholder="e.g. Autumn launch" autoFocus required />
          </Field>
          <Field id="project-description" name="description" label="Description (optional)">
            <Textarea id="project-description" name="description" rows={2} maxLength={2000} placeholder="What the images are for" />
          </Field>
          <Field id="project-budget" name="monthlyBudgetUsd" label="Monthly budget in USD (optional)" hint="Generations that would go over it are refused. You can change it later.">
            <Input id="project-budget" name="monthlyBudgetUsd" inputMode="decimal" placeholder="e.g. 250" />
          </Field>
          <DialogFooter>
            <SubmitButton pendingLabel="Creating…">Create project</SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
