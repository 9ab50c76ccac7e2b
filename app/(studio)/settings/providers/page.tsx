import type { Metadata } from "next";
import { listProviderCredentials } from "@/lib/credentials/list-provider-credentials";
import type { CredentialStatusDto } from "@/lib/credentials/credential-schemas";
import type { ProviderId } from "@/lib/kling/providers";
import { ActionForm, FieldError, SubmitButton } from "../action-form";
import { deleteCredentialAction, saveCredentialAction, setDefaultProviderAction } from "./actions";
import { settingsContext } from "../settings-context";
import { NoAccess } from "../no-access";
import { timeAgo } from "../time-ago";

export const metadata: Metadata = { title: "Providers" };

// The key material each provider needs (lib/providers-config/provider-secrets.ts), as form fields.
const FIELDS: Record<ProviderId, { name: string; label: string; placeholder?: string; optional?: boolean }[]> = {
  kling: [{ name: "accessKey", label: "Access key" }, { name: "secretKey", label: "Secret key" }],
  wavespeed: [{ name: "apiKey", label: "API key" }, { name: "webhookSecret", label: "Webhook secret", optional: true }],
  runware: [{ name: "apiKey", label: "API key" }],
  segmind: [{ name: "apiKey", label: "API key" }],
  fal: [{ name: "key", label: "Key", placeholder: "key_id:key_secret" }],
};

function statusLine(c: CredentialStatusDto) {
  switch (c.source) {
    case "team":
      return <><span className="dot ok" />Using your key ••••{c.last4} <span className="muted">(checked {timeAgo(c.checkedAt)})</span></>;
    case "server":
      return <><span className="dot" />Using the server&apos;s key</>;
    case "simulator":
      return <><span className="dot sim" />Simulator (no keys configured)</>;
    default:
      return <><span className="dot off" />Not available: add a key to use this provider</>;
  }
}

export default async function ProvidersPage() {
  const { team, allows } = await settingsContext();
  if (!team || !allows("credential.manage")) return <NoAccess what="manage provider keys" />;
  const credentials = await listProviderCredentials({ teamId: team.id });
  const current = credentials.find((c) => c.isDefault)?.provider ?? "";
  return (
    <div className="settings-stack">
      <section className="panel">
        <h2>Default provider</h2>
        <p className="muted">Used when a generation doesn&apos;t name a provider.</p>
        <ActionForm action={setDefaultProviderAction} className="inline-form">
          <input type="hidden" name="teamId" value={team.id} />
          <div className="field grow">
            <label htmlFor="default-provider">Provider</label>
            <select id="default-provider" name="provider" defaultValue={current}>
              <option value="">No default (the studio chooses)</option>
              {credentials.map((c) => <option key={c.provider} value={c.provider}>{c.label}</option>)}
            </select>
            <FieldError name="provider" />
          </div>
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>

      {credentials.map((c) => (
        <section className="panel" key={c.provider} id={`provider-${c.provider}`}>
          <div className="panel-head">
            <h2>{c.label}{c.isDefault ? <span className="pill">default</span> : null}</h2>
            <p className="status-line" data-testid={`status-${c.provider}`}>{statusLine(c)}</p>
          </div>
          <ActionForm resetOnSuccess action={saveCredentialAction} className="inline-form">
            <input type="hidden" name="teamId" value={team.id} />
            <input type="hidden" name="provider" value={c.provider} />
            {FIELDS[c.provider].map((f) => (
              <div className="field grow" key={f.name}>
                <label htmlFor={`${c.provider}-${f.name}`}>{f.label}{f.optional ? " (optional)" : ""}</label>
                <input id={`${c.provider}-${f.name}`} name={f.name} type="password" autoComplete="off" spellCheck={false}
                  placeholder={f.placeholder ?? (c.source === "team" ? "Enter a new key to replace yours" : "")} />
                <FieldError name={f.name} />
              </div>
            ))}
            <SubmitButton pendingLabel="Checking…">{c.source === "team" ? "Replace key" : "Save key"}</SubmitButton>
          </ActionForm>
          {c.source === "team" ? (
            <ActionForm action={deleteCredentialAction} confirm={`Remove your ${c.label} key?`}>
              <input type="hidden" name="teamId" value={team.id} />
              <input type="hidden" name="provider" value={c.provider} />
              <SubmitButton variant="plain" pendingLabel="Removing…">Remove your key</SubmitButton>
            </ActionForm>
          ) : null}
        </section>
      ))}
      <p className="muted small">Keys are checked with the provider when saved, encrypted at rest, and never shown again: only their last 4 characters.</p>
    </div>
  );
}
