"use client";

import { useState } from "react";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";
import { PromptEnhancer } from "@/app/_components/prompts/prompt-enhancer";
import { TemplatePicker } from "@/app/_components/prompts/template-picker";
import { templateVariables } from "@/lib/prompts/template-variables";
import { O3_ASPECT_RATIOS, O3_RESOLUTIONS } from "@/lib/kling/options";
import { savePromptAction } from "../actions";

export type TemplateDraft = { text: string; model?: string; aspectRatio?: string; resolution?: string };

/** Save a template: text with `{variables}`, where it applies, and the settings that come with it. */
export function NewTemplateForm(props: { teamId: string; projects: { id: string; name: string }[]; initial?: TemplateDraft }) {
  const [text, setText] = useState(props.initial?.text ?? "");
  const variables = templateVariables(text);
  return (
    <ActionForm action={savePromptAction} aria-label="New template" className="grid gap-4" resetOnSuccess onSuccess={() => setText("")}>
      <input type="hidden" name="teamId" value={props.teamId} />
      <Field id="template-name" name="name" label="Name">
        <Input id="template-name" name="name" maxLength={80} placeholder="e.g. Seasonal product hero" required />
      </Field>
      <Field id="template-text" name="text" label="Prompt"
        hint={variables.length ? `Variables: ${variables.map((v) => `{${v}}`).join(", ")} — filled in each time it is used.` : "Write {product} or {season} where the words change each time."}>
        <Textarea id="template-text" name="text" rows={4} maxLength={2500} value={text} onChange={(e) => setText(e.target.value)}
          placeholder="{product} on a sunlit kitchen counter in {season}" />
      </Field>
      <div className="-mt-2 flex flex-wrap items-start gap-1">
        <TemplatePicker teamId={props.teamId} onApply={(prompt) => setText(prompt)} label="Start from a template" />
        <PromptEnhancer prompt={text} onApply={setText} />
      </div>
      <Field id="template-negative" name="negativePrompt" label="Negative prompt (optional)">
        <Input id="template-negative" name="negativePrompt" maxLength={2500} placeholder="e.g. text, watermark" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="template-scope" name="projectId" label="Available in">
          <NativeSelect id="template-scope" name="projectId" defaultValue="">
            <option value="">All projects</option>
            {props.projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </NativeSelect>
        </Field>
        <Field id="template-model" name="model" label="Model">
          <NativeSelect id="template-model" name="model" defaultValue={props.initial?.model ?? ""}>
            <option value="">Any model</option>
            <option value="kling-v3">Kling Image V3</option>
            <option value="kling-v3-omni">Kling Image O3</option>
          </NativeSelect>
        </Field>
        <Field id="template-aspect" name="aspect_ratio" label="Aspect ratio">
          <NativeSelect id="template-aspect" name="aspect_ratio" defaultValue={props.initial?.aspectRatio ?? ""}>
            <option value="">Keep the form&apos;s</option>
            {O3_ASPECT_RATIOS.map((r) => <option key={r} value={r}>{r}</option>)}
          </NativeSelect>
        </Field>
        <Field id="template-resolution" name="resolution" label="Resolution">
          <NativeSelect id="template-resolution" name="resolution" defaultValue={props.initial?.resolution ?? ""}>
            <option value="">Keep the form&apos;s</option>
            {O3_RESOLUTIONS.map((r) => <option key={r} value={r}>{r.toUpperCase()}</option>)}
          </NativeSelect>
        </Field>
      </div>
      <div className="flex justify-end"><SubmitButton pendingLabel="Saving…">Save template</SubmitButton></div>
    </ActionForm>
  );
}
