"use client";

import { useEffect, useId, useState } from "react";
import { BookMarked, Loader2 } from "lucide-react";
import { fillTemplate, templateVariables } from "@/lib/prompts/template-variables";
import type { PromptDto } from "@/lib/prompts/prompt-schemas";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/app/_components/ui/dialog";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/app/_components/ui/tabs";
import type { ApplyPrompt } from "./prompt-enhancer";

type Recent = { prompt: string; model: string; parameters: Record<string, unknown>; usedAt: string };

/**
 * The "Templates" control: the team's and this project's saved templates, and the caller's recent prompts. A template
 * with `{variables}` asks for each before it is used; choosing calls `onApply(prompt, parameters)` with the template's
 * saved parameters (negative prompt and model included), which the host form loads.
 */
export function TemplatePicker(props: { teamId: string; projectId?: string; onApply: ApplyPrompt; label?: string }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ templates: PromptDto[]; recent: Recent[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PromptDto | null>(null);

  useEffect(() => {
    if (!open) return;
    const query = props.projectId ? `?projectId=${encodeURIComponent(props.projectId)}` : "";
    const base = `/api/v1/teams/${encodeURIComponent(props.teamId)}/prompts`;
    let cancelled = false;
    Promise.all([fetch(`${base}${query}`), fetch(`${base}/recent${query}`)])
      .then(async ([templates, recent]) => {
        if (!templates.ok || !recent.ok) throw new Error("Templates could not be loaded. Try again.");
        const [t, r] = (await Promise.all([templates.json(), recent.json()])) as [{ data: PromptDto[] }, { data: Recent[] }];
        if (!cancelled) setData({ templates: t.data, recent: r.data });
      })
      .catch((cause: unknown) => !cancelled && setError(cause instanceof Error ? cause.message : "Templates could not be loaded."));
    return () => {
      cancelled = true;
    };
  }, [open, props.teamId, props.projectId]);

  const apply: ApplyPrompt = (prompt, parameters) => {
    props.onApply(prompt, parameters);
    setOpen(false);
    setChosen(null);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); if (!next) setChosen(null); }}>
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" size="sm"><BookMarked aria-hidden /> {props.label ?? "Templates"}</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{chosen ? chosen.name : "Prompt templates"}</DialogTitle>
          <DialogDescription>{chosen ? "Fill in the blanks; the template's settings come with it." : "Start from a saved template or one of your recent prompts."}</DialogDescription>
        </DialogHeader>
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : !data ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground"><Loader2 aria-hidden className="size-4 animate-spin" /> Loading…</p>
        ) : chosen ? (
          <FillTemplate template={chosen} onBack={() => setChosen(null)} onApply={apply} />
        ) : (
          <Tabs defaultValue="templates">
            <TabsList>
              <TabsTrigger value="templates">Templates · {data.templates.length}</TabsTrigger>
              <TabsTrigger value="recent">Recent · {data.recent.length}</TabsTrigger>
            </TabsList>
            <TabsContent value="templates" className="mt-3">
              {data.templates.length === 0 ? <p className="text-sm text-muted-foreground">No templates yet. Save one from the Prompts page.</p> : (
                <ul className="grid gap-1.5">
                  {data.templates.map((t) => (
                    <li key={t.id}>
                      <button type="button" onClick={() => (t.variables.length ? setChosen(t) : apply(t.text, templateParameters(t)))}
                        className="grid w-full gap-0.5 rounded-md border border-border px-3 py-2 text-left hover:border-primary/60 focus-visible:border-primary">
                        <span className="flex flex-wrap items-center gap-2 text-sm font-medium">{t.name}
                          <span className="text-xs font-normal text-muted-foreground">{t.projectId ? "this project" : "team-wide"}</span>
                        </span>
                        <span className="line-clamp-2 text-xs text-muted-foreground">{t.text}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </TabsContent>
            <TabsContent value="recent" className="mt-3">
              {data.recent.length === 0 ? <p className="text-sm text-muted-foreground">Prompts you generate with appear here.</p> : (
                <ul className="grid gap-1.5">
                  {data.recent.map((r) => (
                    <li key={r.prompt}>
                      <button type="button" onClick={() => apply(r.prompt, r.parameters)}
                        className="w-full rounded-md border border-border px-3 py-2 text-left text-sm hover:border-primary/60 focus-visible:border-primary">
                        <span className="line-clamp-2">{r.prompt}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </TabsContent>
          </Tabs>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** What a template hands the form besides its text: its saved parameters, negative prompt and model. */
export function templateParameters(t: PromptDto): Record<string, unknown> {
  return { ...t.parameters, ...(t.negativePrompt ? { negative_prompt: t.negativePrompt } : {}), ...(t.model ? { model: t.model } : {}) };
}

function FillTemplate(props: { template: PromptDto; onBack: () => void; onApply: ApplyPrompt }) {
  const id = useId();
  const names = templateVariables(props.template.text);
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const filled = fillTemplate(props.template.text, values);
  return (
    <form className="grid gap-3" noValidate onSubmit={(event) => {
      event.preventDefault();
      // The dialog is portaled, but React events still bubble to a form the picker sits in (the host's own form).
      event.stopPropagation();
      if (filled.missing.length) return setMissing(filled.missing);
      props.onApply(filled.text, templateParameters(props.template));
    }}>
      {names.map((name, i) => (
        <div key={name} className="grid gap-1.5">
          <Label htmlFor={`${id}-${name}`}>{name}</Label>
          <Input id={`${id}-${name}`} value={values[name] ?? ""} autoFocus={i === 0} maxLength={200}
            aria-invalid={missing.includes(name) && !values[name]?.trim() ? true : undefined}
            aria-describedby={missing.includes(name) && !values[name]?.trim() ? `${id}-${name}-error` : undefined}
            onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
          {missing.includes(name) && !values[name]?.trim() ? <p id={`${id}-${name}-error`} className="text-xs text-destructive">Fill in {name}.</p> : null}
        </div>
      ))}
      <p className="rounded-md border border-border bg-secondary/40 p-3 text-sm break-words" aria-live="polite">{filled.text}</p>
      <div className="flex justify-between gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={props.onBack}>Back</Button>
        <Button type="submit" size="sm">Use template</Button>
      </div>
    </form>
  );
}
