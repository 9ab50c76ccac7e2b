"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { generateAction, type GenerateState } from "./actions";
import { ReferencePicker, type PickedReference } from "./reference-picker";

type Entry = { value: string; label: string; aspectRatios: readonly string[]; resolutions: readonly string[]; needsReferences: boolean };

export function GenerateForm(props: { projectId: string; entries: Entry[]; providers: { id: string; label: string }[]; defaultProvider: string }) {
  const [state, action, pending] = useActionState<GenerateState, FormData>(generateAction.bind(null, props.projectId), {});
  const [entryValue, setEntryValue] = useState(props.entries[0]!.value);
  const [references, setReferences] = useState<PickedReference[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const entry = props.entries.find((e) => e.value === entryValue) ?? props.entries[0]!;
  const field = (name: string) => state.fields?.[`parameters.${name}`] ?? state.fields?.[name];
  const referenceError = Object.entries(state.fields ?? {}).find(([k]) => k.startsWith("references") || k === "images")?.[1];

  useEffect(() => {
    if (state.ok) setReferences([]);
  }, [state]);

  return (
    <form ref={formRef} action={action} className="generate-form" noValidate>
      {state.error && !state.fields ? <p className="form-error" role="alert">{state.error}</p> : null}
      <div className="field">
        <label htmlFor="prompt">Prompt</label>
        <textarea id="prompt" name="prompt" rows={3} maxLength={2500} placeholder="A sunlit studio shot of a ceramic mug on linen, soft shadows"
          aria-invalid={Boolean(field("prompt"))} />
        {field("prompt") ? <span className="field-error">{field("prompt")}</span> : null}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="entry">Model</label>
          <select id="entry" name="entry" value={entryValue} onChange={(e) => setEntryValue(e.target.value)}>
            {props.entries.map((e) => <option key={e.value} value={e.value}>{e.label}</option>)}
          </select>
          {field("model") ?? field("mode") ? <span className="field-error">{field("model") ?? field("mode")}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="provider">Provider</label>
          <select id="provider" name="provider" defaultValue={props.defaultProvider}>
            {props.providers.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
          {field("provider") ? <span className="field-error">{field("provider")}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="aspect_ratio">Aspect ratio</label>
          <select id="aspect_ratio" name="aspect_ratio" key={`ar-${entry.value}`} defaultValue={entry.aspectRatios[0]}>
            {entry.aspectRatios.map((r) => <option key={r}>{r}</option>)}
          </select>
          {field("aspect_ratio") ? <span className="field-error">{field("aspect_ratio")}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="resolution">Resolution</label>
          <select id="resolution" name="resolution" key={`res-${entry.value}`} defaultValue="1k">
            {entry.resolutions.map((r) => <option key={r}>{r}</option>)}
          </select>
          {field("resolution") ? <span className="field-error">{field("resolution")}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="num_images">Images</label>
          <input id="num_images" name="num_images" type="number" min={1} max={9} defaultValue={1} aria-invalid={Boolean(field("num_images"))} />
          {field("num_images") ? <span className="field-error">{field("num_images")}</span> : null}
        </div>
      </div>
      {entry.needsReferences ? (
        <ReferencePicker references={references} onChange={setReferences} error={referenceError} />
      ) : null}
      {references.map((r) => <input key={r.assetId} type="hidden" name="referenceAssetId" value={r.assetId} />)}
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={pending}>{pending ? "Queuing…" : "Generate"}</button>
        {state.error && state.fields ? <span className="field-error">{state.error}</span> : null}
      </div>
    </form>
  );
}
