"use client";

import { useId, useRef, useState } from "react";
import { ImagePlus, Images, Loader2, X } from "lucide-react";
import { createElementAction, updateElementAction } from "@/app/(studio)/elements/actions";
import { ActionForm, Field, SubmitButton, useFieldError } from "@/app/_components/action-form";
import { cn } from "@/app/_components/cn";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/app/_components/ui/dialog";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";
import { ELEMENT_KINDS, ELEMENT_KIND_LABELS, MAX_ELEMENT_REFERENCES } from "@/lib/elements/element-schemas";

export type PickableAsset = { assetId: string; projectName: string; prompt: string; thumbUrl: string };
type Picked = { source: { uploadKey: string } | { assetId: string }; previewUrl: string };
export type ElementFormValues = { id: string; name: string; description: string; kind: string; frontalUrl: string; referenceUrls: string[] };

/**
 * Create or edit an element. Each image is uploaded the moment it is chosen (to the element upload route, which checks
 * type and size), so a refused file is named beside its slot and the form itself only sends keys. On edit, images
 * not touched keep the current version's; any save makes a new version.
 */
export function ElementForm(props: { teamId: string; pickable: PickableAsset[]; element?: ElementFormValues; onSaved?: (id?: string) => void }) {
  const { element } = props;
  const [frontal, setFrontal] = useState<Picked | null>(null);
  const [references, setReferences] = useState<(Picked | null)[]>(() => Array.from({ length: MAX_ELEMENT_REFERENCES }, () => null));
  const [referencesTouched, setReferencesTouched] = useState(false);
  // Read when an upload finishes, not when it started: several uploads may finish in any order.
  const touched = useRef(false);
  const [uploading, setUploading] = useState(0);
  const onUploading = (busy: boolean) => setUploading((n) => n + (busy ? 1 : -1));
  const chosenReferences = references.filter((r): r is Picked => r !== null);
  return (
    <ActionForm
      action={element ? updateElementAction : createElementAction}
      aria-label={element ? `Edit ${element.name}` : "New element"}
      className="grid gap-4"
      showMessage={false}
      onSuccess={(state) => props.onSaved?.((state?.ok ? (state.data as { id?: string } | undefined)?.id : undefined) ?? element?.id)}
    >
      <input type="hidden" name="teamId" value={props.teamId} />
      {element ? <input type="hidden" name="elementId" value={element.id} /> : null}
      {frontal ? <input type="hidden" name="frontal" value={JSON.stringify(frontal.source)} /> : null}
      {!element || referencesTouched ? <input type="hidden" name="references" value={JSON.stringify(chosenReferences.map((r) => r.source))} /> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id="element-name" name="name" label="Name" hint="Up to 20 characters; the prompt refers to it as @element1, @element2…">
          <Input id="element-name" name="name" maxLength={20} defaultValue={element?.name} placeholder="e.g. Mira, Trail shoe" required autoFocus />
        </Field>
        <Field id="element-kind" name="kind" label="Kind">
          <NativeSelect id="element-kind" name="kind" defaultValue={element?.kind ?? "character"}>
            {ELEMENT_KINDS.map((kind) => <option key={kind} value={kind}>{ELEMENT_KIND_LABELS[kind]}</option>)}
          </NativeSelect>
        </Field>
      </div>
      <Field id="element-description" name="description" label="Description (optional)" hint="Up to 100 characters. Kling shows it with the element.">
        <Textarea id="element-description" name="description" rows={2} maxLength={100} defaultValue={element?.description} placeholder="What makes it recognisable" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <ImageSlot teamId={props.teamId} name="frontal" label="Frontal image" pickable={props.pickable} onUploading={onUploading}
          value={frontal} currentUrl={element?.frontalUrl} onChange={setFrontal} large />
        <fieldset className="grid content-start gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Reference images <span className="font-normal text-muted-foreground">· up to {MAX_ELEMENT_REFERENCES}, other angles or details</span></legend>
          <div className="grid grid-cols-3 gap-2">
            {references.map((value, i) => (
              <ImageSlot key={i} teamId={props.teamId} name={`references.${i}`} label={`Reference ${i + 1}`} pickable={props.pickable} onUploading={onUploading}
                value={value} currentUrl={referencesTouched ? undefined : element?.referenceUrls[i]}
                onChange={(next) => {
                  // The first change to an existing element's references starts from nothing: what is shown is what is saved.
                  const first = !touched.current;
                  touched.current = true;
                  setReferencesTouched(true);
                  setReferences((all) => (first && element ? all.map(() => null) : all).map((r, j) => (j === i ? next : r)));
                }} />
            ))}
          </div>
          {element && !referencesTouched ? <p className="text-xs text-muted-foreground">Leave them to keep this version&apos;s references.</p> : null}
        </fieldset>
      </div>
      <div className="flex items-center justify-end gap-3">
        {uploading > 0 ? <span role="status" className="text-xs text-muted-foreground">Uploading images…</span> : null}
        <SubmitButton disabled={uploading > 0} pendingLabel={element ? "Saving…" : "Creating…"}>{element ? "Save as new version" : "Create element"}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function ImageSlot(props: {
  teamId: string;
  name: string;
  label: string;
  pickable: PickableAsset[];
  value: Picked | null;
  currentUrl?: string;
  onChange: (value: Picked | null) => void;
  onUploading: (busy: boolean) => void;
  large?: boolean;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const serverError = useFieldError(props.name);
  const error = uploadError ?? serverError;
  const preview = props.value?.previewUrl ?? props.currentUrl;

  async function upload(file: File) {
    setUploadError(null);
    setUploading(true);
    props.onUploading(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch(`/api/v1/teams/${encodeURIComponent(props.teamId)}/elements/uploads`, { method: "POST", body });
      const json = (await res.json().catch(() => null)) as { uploadKey?: string; error?: { message?: string } } | null;
      if (!res.ok || !json?.uploadKey) throw new Error(json?.error?.message ?? "The upload failed. Try again.");
      props.onChange({ source: { uploadKey: json.uploadKey }, previewUrl: URL.createObjectURL(file) });
    } catch (cause) {
      setUploadError(cause instanceof Error ? cause.message : "The upload failed. Try again.");
    } finally {
      setUploading(false);
      props.onUploading(false);
      if (inputRef.current) inputRef.current.value = "";
    }
  }

  return (
    <div className="grid content-start gap-1.5">
      {props.large ? <span className="text-sm font-medium" id={`${id}-label`}>{props.label}</span> : null}
      <div className={cn("relative overflow-hidden rounded-lg border border-dashed border-input bg-secondary/40", props.large ? "aspect-[3/4]" : "aspect-square", error && "border-destructive")}>
        {preview ? <img src={preview} alt={`${props.label} preview`} className="size-full object-cover" /> : null}
        <div className={cn("absolute inset-0 flex flex-col items-center justify-center gap-1 p-1", preview && "bg-background/0 opacity-0 focus-within:bg-background/80 focus-within:opacity-100 hover:bg-background/80 hover:opacity-100")}>
          {uploading ? <Loader2 aria-label="Uploading" className="size-5 animate-spin text-muted-foreground" /> : (
            <>
              <Button type="button" size="sm" variant="secondary" className="h-7 px-2 text-xs" onClick={() => inputRef.current?.click()}
                aria-label={`Upload ${props.label.toLowerCase()}`}>
                <ImagePlus aria-hidden /> {props.large ? "Upload" : null}
              </Button>
              {props.pickable.length ? (
                <Button type="button" size="sm" variant="ghost" className="h-7 px-2 text-xs" onClick={() => setPicking(true)}
                  aria-label={`Pick ${props.label.toLowerCase()} from the gallery`}>
                  <Images aria-hidden /> {props.large ? "Gallery" : null}
                </Button>
              ) : null}
            </>
          )}
        </div>
        {props.value ? (
          <button type="button" aria-label={`Remove ${props.label.toLowerCase()}`} onClick={() => props.onChange(null)}
            className="absolute top-1 right-1 rounded-full bg-background/90 p-0.5 text-muted-foreground shadow-sm hover:text-destructive">
            <X aria-hidden className="size-3.5" />
          </button>
        ) : null}
      </div>
      <input ref={inputRef} id={`${id}-file`} type="file" accept="image/png,image/jpeg" className="sr-only" tabIndex={-1}
        aria-label={props.label} aria-invalid={error ? true : undefined}
        onChange={(event) => { const file = event.target.files?.[0]; if (file) void upload(file); }} />
      {error ? <p role="alert" className="text-xs text-destructive">{error}</p> : null}
      <Dialog open={picking} onOpenChange={setPicking}>
        <DialogContent className="max-w-2xl">
          <DialogHeader>
            <DialogTitle>Pick the {props.label.toLowerCase()}</DialogTitle>
            <DialogDescription>The newest images from projects you can open. PNG and JPEG copies are made for the element.</DialogDescription>
          </DialogHeader>
          <ul className="grid max-h-[60vh] grid-cols-3 gap-2 overflow-y-auto sm:grid-cols-4">
            {props.pickable.map((asset) => (
              <li key={asset.assetId}>
                <button type="button" className="block w-full overflow-hidden rounded-md border border-border hover:border-primary focus-visible:border-primary"
                  aria-label={`Use image from ${asset.projectName}: ${asset.prompt.slice(0, 80)}`}
                  onClick={() => { props.onChange({ source: { assetId: asset.assetId }, previewUrl: asset.thumbUrl }); setUploadError(null); setPicking(false); }}>
                  <img src={asset.thumbUrl} alt="" className="aspect-square w-full object-cover" loading="lazy" />
                </button>
              </li>
            ))}
          </ul>
        </DialogContent>
      </Dialog>
    </div>
  );
}
