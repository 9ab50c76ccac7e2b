"use client";

import { cloneElement, isValidElement, startTransition, useActionState, useEffect, useRef, useState, type ReactElement } from "react";
import { toast } from "sonner";
import { Sparkles } from "lucide-react";
import { generateAction } from "./actions";
import { ReferencePicker, type PickedReference } from "./reference-picker";
import type { ActionState } from "@/lib/actions/action-result";
import { FormAlert } from "@/app/_components/action-form";
import { useAnnounce } from "@/app/_components/live-region";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";

type Entry = { value: string; label: string; aspectRatios: readonly string[]; resolutions: readonly string[]; needsReferences: boolean };

/**
 * The generate form. It submits through a transition instead of the form's own action, so React never resets it:
 * the prompt and every setting stay as typed after a submit and after an error (people iterate on a prompt).
 * Ctrl/Cmd+Enter submits from anywhere in the form.
 */
export function GenerateForm(props: { projectId: string; entries: Entry[]; providers: { id: string; label: string }[]; defaultProvider: string }) {
  const [state, dispatch, pending] = useActionState<ActionState<{ generationId: string }>, FormData>(generateAction.bind(null, props.projectId), null);
  const [entryValue, setEntryValue] = useState(props.entries[0]!.value);
  const [references, setReferences] = useState<PickedReference[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const announce = useAnnounce();
  const entry = props.entries.find((e) => e.value === entryValue) ?? props.entries[0]!;
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const field = (name: string) => fields[`parameters.${name}`] ?? fields[name];
  const referenceError = Object.entries(fields).find(([k]) => k.startsWith("references") || k === "images")?.[1];
  const hasFieldErrors = Object.keys(fields).length > 0;

  useEffect(() => {
    if (!state?.ok) return;
    setReferences([]);
    toast.success("Queued. It appears below as it runs.");
    announce("Generation queued.");
  }, [state, announce]);

  const submit = () => {
    const form = formRef.current;
    if (!form || pending) return;
    const data = new FormData(form);
    startTransition(() => dispatch(data));
  };

  return (
    <form ref={formRef} aria-label="Generate" noValidate className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          submit();
        }
      }}>
      {state && !state.ok && !hasFieldErrors ? <FormAlert className="mb-0">{state.error.message}</FormAlert> : null}
      <GenField id="prompt" label="Prompt" error={field("prompt")}>
        <Textarea id="prompt" name="prompt" rows={5} maxLength={2500} className="min-h-28 bg-background/60 text-[15px]"
          placeholder="A sunlit studio shot of a ceramic mug on linen, soft shadows" />
      </GenField>
      <GenField id="entry" label="Model" error={field("model") ?? field("mode")}>
        <NativeSelect id="entry" name="entry" value={entryValue} onChange={(e) => setEntryValue(e.target.value)}>
          {props.entries.map((e) => <option key={e.value} value={e.value}>{e.label}</option>)}
        </NativeSelect>
      </GenField>
      <div className="grid grid-cols-2 gap-3">
        <GenField id="provider" label="Provider" error={field("provider")}>
          <NativeSelect id="provider" name="provider" defaultValue={props.defaultProvider}>
            {props.providers.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </NativeSelect>
        </GenField>
        <GenField id="num_images" label="Images" error={field("num_images")}>
          <Input id="num_images" name="num_images" type="number" min={1} max={9} defaultValue={1} />
        </GenField>
        {/* Keyed on the model: its allowed values differ, so a model change starts from its own defaults. */}
        <GenField id="aspect_ratio" label="Aspect ratio" error={field("aspect_ratio")}>
          <NativeSelect id="aspect_ratio" name="aspect_ratio" key={`ar-${entry.value}`} defaultValue={entry.aspectRatios[0]}>
            {entry.aspectRatios.map((r) => <option key={r}>{r}</option>)}
          </NativeSelect>
        </GenField>
        <GenField id="resolution" label="Resolution" error={field("resolution")}>
          <NativeSelect id="resolution" name="resolution" key={`res-${entry.value}`} defaultValue="1k">
            {entry.resolutions.map((r) => <option key={r}>{r}</option>)}
          </NativeSelect>
        </GenField>
      </div>
      {entry.needsReferences ? <ReferencePicker references={references} onChange={setReferences} error={referenceError} /> : null}
      {references.map((r) => <input key={r.assetId} type="hidden" name="referenceAssetId" value={r.assetId} />)}
      <div className="grid gap-2">
        <Button type="submit" size="lg" disabled={pending} className="w-full">
          <Sparkles aria-hidden /> {pending ? "Queuing…" : "Generate"}
        </Button>
        {state && !state.ok && hasFieldErrors ? <p role="alert" className="text-xs text-destructive">{state.error.message}</p> : null}
        <p className="text-center text-xs text-muted-foreground"><kbd className="font-sans">Ctrl</kbd>/<kbd className="font-sans">⌘</kbd> + <kbd className="font-sans">Enter</kbd> to generate</p>
      </div>
    </form>
  );
}

// A label, its control and the server's message beside it; the control is told it is invalid and what to read out.
function GenField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactElement<Record<string, unknown>> }) {
  const control = isValidElement(children)
    ? cloneElement(children, { "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })
    : children;
  return (
    <div className="grid min-w-0 content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {control}
      {error ? <p id={`${id}-error`} className="text-xs text-destructive">{error}</p> : null}
    </div>
  );
}
