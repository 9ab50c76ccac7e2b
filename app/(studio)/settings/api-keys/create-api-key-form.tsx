"use client";

import { ActionForm, Field, FieldError, OnceValue, SubmitButton } from "@/app/_components/action-form";
import { Input } from "@/app/_components/ui/input";
import { createApiKeyAction } from "./actions";

const check = "flex items-center gap-2 text-sm text-foreground [&_input]:size-4 [&_input]:shrink-0 [&_input]:accent-primary";

export function CreateApiKeyForm({ teamId, projects }: { teamId: string; projects: { id: string; name: string }[] }) {
  return (
    <ActionForm resetOnSuccess action={createApiKeyAction} aria-label="Create an API key" className="grid gap-4">
      <input type="hidden" name="teamId" value={teamId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="key-name" name="name" label="Name">
          <Input id="key-name" name="name" placeholder="e.g. CMS export job" maxLength={80} required />
        </Field>
        <fieldset className="grid content-start gap-1.5">
          <legend className="mb-1.5 text-[13px] font-medium text-muted-foreground">Access</legend>
          <label className={check}><input type="radio" name="access" value="read" defaultChecked /> Read-only (acts as a viewer)</label>
          <label className={check}><input type="radio" name="access" value="read_write" /> Read-write (acts as an editor)</label>
          <FieldError name="access" />
          <span className="mt-2 text-[13px] font-medium text-muted-foreground">Money</span>
          <label className={check}><input type="checkbox" name="scopes" value="spend:read" /> Read spend and exports</label>
          <label className={check}><input type="checkbox" name="scopes" value="budgets:write" /> Set budgets and caps (read-write keys)</label>
          <label className={check}><input type="checkbox" name="scopes" value="alerts:write" /> Set spend alerts and webhook (read-write keys)</label>
          <FieldError name="scopes" />
        </fieldset>
        <fieldset className="grid content-start gap-1.5">
          <legend className="mb-1.5 text-[13px] font-medium text-muted-foreground">Projects</legend>
          {projects.length === 0 ? <span className="text-xs text-muted-foreground">No projects yet: the key will reach every project.</span> : null}
          {projects.map((p) => (
            <label className={check} key={p.id}><input type="checkbox" name="projectIds" value={p.id} /> {p.name}</label>
          ))}
          <span className="text-xs text-muted-foreground">None ticked: every project, including future ones.</span>
          <FieldError name="projectIds" />
        </fieldset>
      </div>
      <div><SubmitButton pendingLabel="Creating…">Create key</SubmitButton></div>
      <OnceValue name="key" label="Your new API key" hint={"Copy it now: it won't be shown again. Send it in the Authorization header as: Bearer <key>"} />
    </ActionForm>
  );
}
