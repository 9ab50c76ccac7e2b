"use client";

import { useState } from "react";
import Link from "next/link";
import { Share2 } from "lucide-react";
import { ActionForm, Field, FieldError, OnceValue, SubmitButton } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/app/_components/ui/dialog";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { createShareLinkAction } from "@/app/(studio)/projects/[projectId]/share-links/actions";

type Target = { collectionId: string; assetIds?: undefined } | { assetIds: string[]; collectionId?: undefined };
type Props = Target & {
  projectId: string;
  defaultName: string;
  /** False hides the approve option; unknown (the gallery) offers it and the server says no beside it if the role can't. */
  canApprove?: boolean;
  open: boolean; onOpenChange: (open: boolean) => void };

const EXPIRY = [
  { days: "7", label: "In 7 days" },
  { days: "1", label: "In 1 day" },
  { days: "30", label: "In 30 days" },
  { days: "90", label: "In 90 days" },
  { days: "0", label: "Never" },
];

/** Makes a client link for a collection or a selection; the new link is shown (and can be copied) right away. */
export function ShareDialog(props: Props) {
  const { projectId, open, onOpenChange } = props;
  // A fresh form each time it opens, so the last link's answer doesn't linger.
  const [round, setRound] = useState(0);
  const count = props.assetIds?.length ?? 0;
  return (
    <Dialog open={open} onOpenChange={(v) => { onOpenChange(v); if (!v) setRound((r) => r + 1); }}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Share {props.collectionId ? "this collection" : count === 1 ? "1 image" : `${count} images`} with a client</DialogTitle>
          <DialogDescription>
            Anyone with the link can view {props.collectionId ? "the collection as it is when they open it" : "these images"} without an account.
            Manage links on the <Link className="underline underline-offset-2" href={`/projects/${projectId}/share-links`}>Share links</Link> page.
          </DialogDescription>
        </DialogHeader>
        <ActionForm key={round} action={createShareLinkAction} className="grid gap-4" aria-label="Create share link">
          <input type="hidden" name="projectId" value={projectId} />
          {props.collectionId ? <input type="hidden" name="collectionId" value={props.collectionId} /> : (props.assetIds ?? []).map((id) => <input key={id} type="hidden" name="assetId" value={id} />)}
          <Field id="share-name" name="name" label="Link name" hint="Only your team sees it.">
            <Input id="share-name" name="name" defaultValue={props.defaultName} maxLength={120} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="share-expiry" name="expiresInDays" label="Expires">
              <NativeSelect id="share-expiry" name="expiresInDays" defaultValue="7">
                {EXPIRY.map((e) => <option key={e.days} value={e.days}>{e.label}</option>)}
              </NativeSelect>
            </Field>
            <Field id="share-password" name="password" label="Password (optional)">
              <Input id="share-password" name="password" type="password" autoComplete="new-password" />
            </Field>
          </div>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">The client may</legend>
            <Check name="allowDownload" label="Download originals" defaultChecked />
            <Check name="allowComment" label="Comment (with their name)" />
            {props.canApprove !== false ? <Check name="allowApprove" label="Approve or request changes" /> : null}
            <Check name="showPrompts" label="See prompts and recipes" />
            <FieldError name="allowApprove" />
            <FieldError name="assetIds" />
          </fieldset>
          <SubmitButton pendingLabel="Creating…" className="justify-self-start"><Share2 aria-hidden /> Create link</SubmitButton>
          <OnceValue name="url" label="Share link" hint="Send it to your client. You can copy it again from the Share links page." />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

function Check({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-4 accent-primary" />
      {label}
    </label>
  );
}

/** The collection page's button (a server page can't hold the dialog's state). */
export function ShareCollectionButton(props: { projectId: string; collectionId: string; name: string; canApprove: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}><Share2 aria-hidden /> Share</Button>
      <ShareDialog projectId={props.projectId} collectionId={props.collectionId} defaultName={props.name} canApprove={props.canApprove} open={open} onOpenChange={setOpen} />
    </>
  );
}
