"use client";

import { cloneElement, isValidElement, startTransition, useActionState, useCallback, useEffect, useRef, useState, type ReactElement } from "react";
import { useSearchParams } from "next/navigation";
import { toast } from "sonner";
import { Lock, LockOpen, Sparkles } from "lucide-react";
import { generateAction } from "./actions";
import { ReferencePicker, type PickedReference } from "./reference-picker";
import { AspectRatioPicker } from "./_components/generate/aspect-ratio-picker";
import { SettingsDisclosure } from "./_components/generate/settings-disclosure";
import { countProblem } from "./_components/generate/count-problem";
import { inputImageCount } from "./_components/generate/input-image-count";
import { dispatchGenerationSubmitted } from "./_components/generate/submitted-event";
import { uploadReference } from "./_components/generate/upload-reference";
import { useHydrated } from "./_components/asset-detail/use-hydrated";
import { PromptTools, type PromptPatch } from "./_components/generate/prompt-tools";
import { ElementPicker } from "./_components/generate/element-picker";
import type { ElementDto } from "@/lib/elements/element-dto";
import { SendToCollection } from "./_components/generate/send-to-collection";
import { useGenerateDraft } from "./_components/generate/use-generate-draft";
import type { ActionState } from "@/lib/actions/action-result";
import type { GenerationDto } from "@/lib/generations/generation-dto";
import { CATALOG_ENTRIES, type Mode, type ModelId } from "@/lib/kling/models";
import { LIMITS } from "@/lib/kling/options";
import { PRICES } from "@/lib/kling/prices";
import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from "@/lib/kling/providers";
import { PROVIDER_SUPPORT, elementSupport } from "@/lib/kling/provider-support";
import { useAnnounce } from "@/app/_components/live-region";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Textarea } from "@/app/_components/ui/textarea";

type Result = { generationId: string; generation: GenerationDto };
type Headroom = { remainingMicros: number; hardLimitMicros: number; period: string } | null;

// Edit takes exactly one source image; O3 takes up to 10 references (elements share that limit).
const REFERENCE_LIMIT: Record<Mode, number> = { "text-to-image": 0, edit: 1, "multi-reference": LIMITS.maxReferences };
const entryKey = (e: { model: string; mode: string }) => `${e.model}|${e.mode}`;
const usd = (micros: number) => `$${(micros / 1_000_000).toFixed(micros !== 0 && micros < 1_000_000 ? 3 : 2)}`;

/**
 * The generate panel. Every control is held in state and the form submits through a transition (not the form's own
 * action), so React never resets it: the prompt and every setting stay as they were after a submit and after an error.
 * What a control offers comes from the catalog (lib/kling) for the chosen model, mode and provider, so the panel
 * never offers what the server would refuse; the estimate uses the same price list the server reserves with.
 * Ctrl/Cmd+Enter submits from anywhere in the form. `?ref=<assetId>` adds a reference; `?edit=<assetId>` opens edit
 * mode on that image (links from the image detail).
 */
export function GenerateForm(props: { projectId: string; teamId: string; userId: string; defaultProvider: string; entries?: unknown; providers?: unknown }) {
  const [state, dispatch, pending] = useActionState<ActionState<Result>, FormData>(generateAction.bind(null, props.projectId), null);
  const [entryValue, setEntryValue] = useState(entryKey(CATALOG_ENTRIES[0]!));
  const [provider, setProvider] = useState<ProviderId>((PROVIDER_IDS as readonly string[]).includes(props.defaultProvider) ? (props.defaultProvider as ProviderId) : "kling");
  const [prompt, setPrompt] = useState("");
  const [negative, setNegative] = useState("");
  const [aspectRatio, setAspectRatio] = useState("16:9");
  const [resolution, setResolution] = useState("1k");
  const [count, setCount] = useState("1");
  const [outputFormat, setOutputFormat] = useState("");
  const [seed, setSeed] = useState("");
  const [seedLocked, setSeedLocked] = useState(false);
  const [references, setReferences] = useState<PickedReference[]>([]);
  const [headroom, setHeadroom] = useState<Headroom | undefined>(undefined);
  const [elementIds, setElementIds] = useState<string[]>([]);
  // Each loaded element's number of reference images (its current version), for providers that count them as images.
  const [elementViews, setElementViews] = useState<Record<string, number>>({});
  const elementsLoaded = useCallback((loaded: ElementDto[]) => setElementViews(Object.fromEntries(loaded.map((e) => [e.id, e.current.referenceImageUrls.length]))), []);
  const [collectionId, setCollectionId] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const countLimitOf = useRef(PROVIDER_SUPPORT[provider].maxImages);
  const clientId = useRef<string | null>(null);
  const announce = useAnnounce();
  const searchParams = useSearchParams();
  const consumed = useRef(new Set<string>());
  const hydrated = useHydrated();
  useGenerateDraft({
    userId: props.userId, projectId: props.projectId,
    values: { entryValue, provider, prompt, negative, aspectRatio, resolution, count, outputFormat, seed, seedLocked, references, elementIds, collectionId },
    restore: (d) => {
      setEntryValue(d.entryValue); setProvider((PROVIDER_IDS as readonly string[]).includes(d.provider) ? (d.provider as ProviderId) : provider);
      setPrompt(d.prompt); setNegative(d.negative); setAspectRatio(d.aspectRatio); setResolution(d.resolution); setCount(d.count);
      setOutputFormat(d.outputFormat); setSeed(d.seed); setSeedLocked(d.seedLocked); setReferences(d.references); setElementIds(d.elementIds);
      setCollectionId(d.collectionId);
    },
  });

  const entry = CATALOG_ENTRIES.find((e) => entryKey(e) === entryValue) ?? CATALOG_ENTRIES[0]!;
  const model: ModelId = entry.model;
  const mode: Mode = entry.mode;
  const providerSupport = PROVIDER_SUPPORT[provider];
  const support = providerSupport.models[model];
  const offered = !!support && support.modes.includes(mode);
  const refLimit = REFERENCE_LIMIT[mode];
  // Elements only where the studio can send them (studioOffersElements: O3 multi-reference on Kling, fal and
  // WaveSpeed, V3 on Segmind and fal); in multi-reference they share the mode's 10 inputs with the references.
  const elementsTaken = elementSupport(provider, model, mode);
  const elementsOffered = !!elementsTaken;
  const chosenElements = elementsOffered ? elementIds : [];
  const sharedInputs = mode === "multi-reference" ? chosenElements.length : 0;
  // WaveSpeed O3 sends every element image in `images` with the references: count them against its limit as picked.
  const inputImages = elementsTaken?.via === "inline-images" && elementsTaken.maxImages !== undefined
    ? inputImageCount({
        references: Math.min(references.length, refLimit),
        elementReferences: chosenElements.map((id) => elementViews[id] ?? 0),
        max: elementsTaken.maxImages,
        providerLabel: PROVIDER_LABELS[provider],
      })
    : null;
  // The references' room: the mode's inputs less the elements, or on WaveSpeed O3 what its images leave after the
  // elements' images (so "0 / 7" never promises room that the image count then refuses).
  const referenceRoom = inputImages
    ? Math.max(0, Math.min(refLimit, inputImages.max - (inputImages.count - Math.min(references.length, refLimit))))
    : refLimit - sharedInputs;
  const elementLimit = Math.min(elementsTaken?.maxElements ?? 0, mode === "multi-reference" ? refLimit - references.length + elementIds.length : Infinity);

  // Keep every value inside what the chosen model and provider allow (a model change can remove the current ratio).
  useEffect(() => {
    if (!support) return;
    if (!support.aspectRatios.includes(aspectRatio as never)) setAspectRatio(support.aspectRatios[0]!);
    if (!support.resolutions.includes(resolution as never)) setResolution(support.resolutions[0]!);
    if (outputFormat && !support.outputFormats.includes(outputFormat as never)) setOutputFormat("");
    // A provider with a lower limit brings the count down to it; a count the user types is left for them to fix.
    if (countLimitOf.current !== providerSupport.maxImages) {
      countLimitOf.current = providerSupport.maxImages;
      if (Number(count) > providerSupport.maxImages) setCount(String(providerSupport.maxImages));
    }
    if (references.length > refLimit) setReferences(references.slice(0, refLimit));
    if (elementsTaken && elementIds.length > elementsTaken.maxElements) setElementIds(elementIds.slice(0, elementsTaken.maxElements));
  }, [support, providerSupport, aspectRatio, resolution, outputFormat, count, references, refLimit, elementIds, elementsTaken]);

  const applyPrompt = (patch: PromptPatch) => {
    setPrompt(patch.prompt);
    if (patch.entry) setEntryValue(patch.entry);
    if (patch.negative !== undefined) setNegative(patch.negative);
    if (patch.aspectRatio) setAspectRatio(patch.aspectRatio);
    if (patch.resolution) setResolution(patch.resolution);
    if (patch.count) setCount(patch.count);
    if (patch.outputFormat) setOutputFormat(patch.outputFormat);
    document.getElementById("prompt")?.focus({ preventScroll: true });
  };

  const loadHeadroom = useCallback(() => {
    fetch(`/api/v1/projects/${props.projectId}/budget/headroom`)
      .then((r) => (r.ok ? (r.json() as Promise<{ headroom: Headroom }>) : null))
      .then((data) => data && setHeadroom(data.headroom))
      .catch(() => undefined);
  }, [props.projectId]);
  useEffect(loadHeadroom, [loadHeadroom]);

  // Links from the image detail: "Use as reference" (?ref=) and "Edit" (?edit=). Each value is taken once.
  useEffect(() => {
    const ref = searchParams.get("ref");
    const edit = searchParams.get("edit");
    const picked = (id: string) => ({ assetId: id, thumbUrl: `/api/v1/assets/${encodeURIComponent(id)}/image?size=small` });
    if (edit && !consumed.current.has(`edit:${edit}`)) {
      consumed.current.add(`edit:${edit}`);
      setEntryValue("kling-v3|edit");
      setReferences([picked(edit)]);
      document.getElementById("prompt")?.focus({ preventScroll: true });
    } else if (ref && !consumed.current.has(`ref:${ref}`)) {
      consumed.current.add(`ref:${ref}`);
      if (REFERENCE_LIMIT[mode] === 0) setEntryValue("kling-v3-omni|multi-reference");
      setReferences((current) => (current.some((r) => r.assetId === ref) ? current : [...current, picked(ref)].slice(0, LIMITS.maxReferences)));
    }
  }, [searchParams, mode]);

  useEffect(() => {
    if (!state || !clientId.current) return;
    const id = clientId.current;
    clientId.current = null;
    if (state.ok) {
      dispatchGenerationSubmitted({ clientId: id, state: "queued", generation: state.data.generation });
      toast.success("Queued. It appears in the queue as it runs.");
      announce("Generation queued.");
      if (!seedLocked) setSeed("");
    } else {
      dispatchGenerationSubmitted({ clientId: id, state: "failed", error: state.error.message });
    }
    loadHeadroom();
  }, [state, announce, loadHeadroom, seedLocked]);

  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const field = (name: string) => fields[`parameters.${name}`] ?? fields[name];
  const referenceError = Object.entries(fields).find(([k]) => k.startsWith("references") || k === "images")?.[1];

  // What the user typed stays in the field; a count the provider won't take is said beside it and blocks the submit.
  const countError = countProblem(count, providerSupport.maxImages, PROVIDER_LABELS[provider]);
  const n = Math.max(1, Math.min(providerSupport.maxImages, Number(count) || 1));
  const price = PRICES[provider][model];
  const unit = price?.micros[resolution as keyof typeof price.micros];
  const estimate = unit === undefined || countError ? null : price!.per === "generation" ? unit : unit * n;
  const blocked = !offered
    ? `${PROVIDER_LABELS[provider]} doesn't offer ${entry.label}. Choose another provider.`
    : countError
      ? `Images: ${countError}`
    : inputImages?.problem
      ? `Elements: ${inputImages.problem}`
    : refLimit > 0 && references.length === 0 && chosenElements.length === 0
      ? mode === "edit" ? "Add the image to edit." : elementsOffered ? "Add at least one reference image or element." : "Add at least one reference image."
      : headroom && estimate !== null && estimate > headroom.remainingMicros
        ? `Over budget: this costs about ${usd(estimate)}, only ${usd(headroom.remainingMicros)} of the ${headroom.period} budget is left.`
        : null;

  const submit = () => {
    const form = formRef.current;
    if (!form || pending || blocked) return;
    const data = new FormData(form);
    clientId.current = crypto.randomUUID();
    dispatchGenerationSubmitted({
      clientId: clientId.current,
      state: "pending",
      pending: { prompt, model, mode, provider, numImages: n, aspectRatio, resolution, submittedAt: new Date().toISOString() },
    });
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
      <GenField id="prompt" label="Prompt" error={field("prompt")}>
        <Textarea id="prompt" name="prompt" rows={3} maxLength={LIMITS.promptMaxChars} value={prompt} onChange={(e) => setPrompt(e.target.value)}
          className="min-h-20 bg-background/60 text-[15px] lg:min-h-28" placeholder="A sunlit studio shot of a ceramic mug on linen, soft shadows" />
      </GenField>
      <PromptTools teamId={props.teamId} projectId={props.projectId} prompt={prompt} provider={provider} mode={mode} onApply={applyPrompt} />
      <SettingsDisclosure forceOpen={!!countError || Object.keys(fields).some((k) => !k.startsWith("references") && k !== "images" && k !== "parameters.prompt" && k !== "prompt")}
        summary={[aspectRatio, resolution.toUpperCase(), `${n} ${n === 1 ? "image" : "images"}`, entry.label, PROVIDER_LABELS[provider],
          outputFormat ? outputFormat.toUpperCase() : null, seedLocked && seed ? `seed ${seed}` : null,
          providerSupport.negativePrompt && offered && negative.trim() ? "negative prompt" : null].filter(Boolean).join(" · ")}>
      {providerSupport.negativePrompt && offered ? (
        <GenField id="negative_prompt" label="Negative prompt" error={field("negative_prompt")}>
          <Input id="negative_prompt" name="negative_prompt" maxLength={LIMITS.promptMaxChars} value={negative} onChange={(e) => setNegative(e.target.value)} placeholder="What to leave out" />
        </GenField>
      ) : null}
      <GenField id="entry" label="Mode and model" error={field("model") ?? field("mode")}>
        <NativeSelect id="entry" name="entry" value={entryValue} onChange={(e) => setEntryValue(e.target.value)}>
          {CATALOG_ENTRIES.map((e) => <option key={entryKey(e)} value={entryKey(e)}>{e.label}</option>)}
        </NativeSelect>
      </GenField>
      {/* Resolution's values are short ("2K"): the provider's name gets the room. */}
      <div className="grid grid-cols-[minmax(0,1fr)_6.5rem] gap-3">
        <GenField id="provider" label="Provider" error={field("provider")}>
          <NativeSelect id="provider" name="provider" value={provider} onChange={(e) => setProvider(e.target.value as ProviderId)}>
            {PROVIDER_IDS.map((id) => {
              const s = PROVIDER_SUPPORT[id].models[model];
              const ok = !!s && s.modes.includes(mode);
              return <option key={id} value={id}>{PROVIDER_LABELS[id]}{ok ? "" : " (not offered)"}</option>;
            })}
          </NativeSelect>
        </GenField>
        <GenField id="resolution" label="Resolution" error={field("resolution")}>
          <NativeSelect id="resolution" name="resolution" value={resolution} onChange={(e) => setResolution(e.target.value)}>
            {(support?.resolutions ?? ["1k"]).map((r) => <option key={r} value={r}>{r.toUpperCase()}</option>)}
          </NativeSelect>
        </GenField>
      </div>
      {support ? <AspectRatioPicker ratios={support.aspectRatios} value={aspectRatio} onChange={setAspectRatio} error={field("aspect_ratio")} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <GenField id="num_images" label="Images" error={countError ?? field("num_images")} hint={`Up to ${providerSupport.maxImages} on ${PROVIDER_LABELS[provider]}`}>
          <Input id="num_images" name="num_images" type="number" min={1} max={providerSupport.maxImages} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
        </GenField>
        {support && support.outputFormats.length > 0 ? (
          <GenField id="output_format" label="Output format" error={field("output_format")}>
            <NativeSelect id="output_format" name="output_format" value={outputFormat} onChange={(e) => setOutputFormat(e.target.value)}>
              <option value="">Provider default</option>
              {support.outputFormats.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
            </NativeSelect>
          </GenField>
        ) : null}
        {providerSupport.seed ? (
          <div className="grid min-w-0 content-start gap-1.5">
            <Label htmlFor="seed">Seed</Label>
            <div className="flex gap-1">
              <Input id="seed" name={seedLocked ? "seed" : undefined} type="number" min={0} max={LIMITS.seedMax} value={seed} disabled={!seedLocked}
                placeholder="Random" onChange={(e) => setSeed(e.target.value)} aria-invalid={field("seed") ? true : undefined}
                aria-describedby={field("seed") ? "seed-error" : undefined} />
              <Button type="button" variant={seedLocked ? "default" : "secondary"} size="icon" aria-pressed={seedLocked}
                aria-label={seedLocked ? "Unlock the seed (random each time)" : "Lock the seed"}
                onClick={() => {
                  if (!seedLocked && !seed) setSeed(String(Math.floor(Math.random() * LIMITS.seedMax)));
                  setSeedLocked(!seedLocked);
                }}>
                {seedLocked ? <Lock aria-hidden /> : <LockOpen aria-hidden />}
              </Button>
            </div>
            {field("seed") ? <p id="seed-error" className="text-xs text-destructive">{field("seed")}</p> : null}
          </div>
        ) : null}
      </div>
      </SettingsDisclosure>
      {refLimit > 0 ? (
        <ReferencePicker references={references} onChange={setReferences} limit={referenceRoom} error={referenceError}
          upload={(file) => uploadReference({ projectId: props.projectId, file })} />
      ) : null}
      {references.slice(0, refLimit).map((r) => <input key={r.assetId} type="hidden" name="referenceAssetId" value={r.assetId} />)}
      {elementsOffered ? (
        <ElementPicker teamId={props.teamId} value={elementIds} onChange={setElementIds} error={Object.entries(fields).find(([k]) => k.includes("element"))?.[1]}
          limit={elementLimit} images={inputImages} onLoaded={elementsLoaded} />
      ) : null}
      <SendToCollection projectId={props.projectId} value={collectionId} onChange={setCollectionId} error={field("collectionId")} />
      <div className="grid gap-2">
        <div className="flex items-baseline justify-between gap-2 text-[13px]" aria-live="polite">
          <span>Estimate <strong className="tabular-nums" data-testid="estimate">{estimate === null ? "—" : usd(estimate)}</strong></span>
          <span className="text-muted-foreground tabular-nums">
            {headroom === undefined ? "" : headroom === null ? "No budget limit" : `${usd(headroom.remainingMicros)} left this ${headroom.period === "total" ? "project" : "month"}`}
          </span>
        </div>
        <Button type="submit" size="lg" disabled={pending || !!blocked || !hydrated} aria-describedby={blocked ? "generate-blocked" : undefined} className="w-full">
          <Sparkles aria-hidden /> {pending ? "Queuing…" : "Generate"}
        </Button>
        {blocked ? <p id="generate-blocked" className="text-xs text-warning">{blocked}</p> : null}
        {/* Beside the button, where the eye is after pressing it: a refusal (a spend limit names itself, what is left
            and what this would cost) would be out of sight at the top of a long panel. */}
        {state && !state.ok ? <p role="alert" className="text-xs text-destructive">{state.error.message}</p> : null}
        <p className="hidden text-center text-xs text-muted-foreground sm:block"><kbd className="font-sans">Ctrl</kbd>/<kbd className="font-sans">⌘</kbd> + <kbd className="font-sans">Enter</kbd> to generate</p>
      </div>
    </form>
  );
}

// A label, its control and the server's message beside it; the control is told it is invalid and what to read out.
function GenField({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactElement<Record<string, unknown>> }) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children) ? cloneElement(children, { "aria-invalid": error ? true : undefined, "aria-describedby": described }) : children;
  return (
    <div className="grid min-w-0 content-start gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {control}
      {hint ? <p id={`${id}-hint`} className="text-[11px] text-muted-foreground">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-xs text-destructive">{error}</p> : null}
    </div>
  );
}
