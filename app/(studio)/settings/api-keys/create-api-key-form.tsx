"use client";

import { ActionForm, FieldError, OnceValue, SubmitButton } from "../action-form";
import { createApiKeyAction } from "./actions";

export function CreateApiKeyForm({ teamId, projects }: { teamId: string; projects: { id: string; name: string }[] }) {
  return (
    <ActionForm resetOnSuccess action={createApiKeyAction}>
      <input type="hidden" name="teamId" value={teamId} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="key-name">Name</label>
          <input id="key-name" name="name" placeholder="e.g. CMS export job" maxLength={80} required />
          <FieldError name="name" />
        </div>
        <fieldset className="field">
          <legend>Access</legend>
          <label className="check"><input type="radio" name="access" value="read" defaultChecked /> Read-only (acts as a viewer)</label>
          <label className="check"><input type="radio" name="access" value="read_write" /> Read-write (acts as an editor)</label>
          <FieldError name="access" />
        </fieldset>
        <fieldset className="field">
          <legend>Projects</legend>
          {projects.length === 0 ? <span className="muted small">No projects yet: the key will reach every project.</span> : null}
          {projects.map((p) => (
            <label className="check" key={p.id}><input type="checkbox" name="projectIds" value={p.id} /> {p.name}</label>
          ))}
          <span className="muted small">None ticked: every project, including future ones.</span>
          <FieldError name="projectIds" />
        </fieldset>
      </div>
      <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      <OnceValue name="key" label="Your new API key" hint={"Copy it now: it won't be shown again. Send it in the Authorization header as: Bearer <key>"} />
    </ActionForm>
  );
}
