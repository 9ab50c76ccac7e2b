import type { Metadata } from "next";
import { listProviderCredentials } from "@/lib/providers-config/list-provider-credentials";
import type { CredentialStatusDto } from "@/lib/credentials/credential-schemas";
import type { ProviderId } from "@/lib/kling/providers";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { ButtonAction } from "@/app/_components/button-action";
import { NoAccess } from "@/app/_components/no-access";
import { cn } from "@/app/_components/cn";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { deleteCredentialAction, saveCredentialAction, setDefaultProviderAction } from "./actions";
import { settingsContext } from "../settings-context";
import { timeAgo } from "../time-ago";

export const metadata: Metadata = { title: "Providers" };

// The key material each provider needs (lib/credentials/provider-secrets.ts), as form fields.
const FIELDS: Record<ProviderId, { name: string; label: string; placeholder?: string; optional?: boolean }[]> = {
  kling: [{ name: "accessKey", label: "Access key" }, { name: "secretKey", label: "Secret key" }],
  wavespeed: [{ name: "apiKey", label: "API key" }, { name: "webhookSecret", label: "Webhook secret", optional: true }],
  runware: [{ name: "apiKey", label: "API key" }],
  segmind: [{ name: "apiKey", label: "API key" }],
  fal: [{ name: "key", label: "Key", placeholder: "key_id:key_secret" }],
};

const Dot = ({ className }: { className: string }) => <span aria-hidden className={cn("inline-block size-2 shrink-0 rounded-full", className)} />;

function statusLine(c: CredentialStatusDto) {
  switch (c.source) {
    case "team":
      return <><Dot className="bg-success" />Using your key ••••{c.last4} <span className="text-muted-foreground">(checked {timeAgo(c.checkedAt)})</span></>;
    case "server":
      return <><Dot className="bg-primary" />Using the server&apos;s key</>;
    case "simulator":
      return <><Dot className="bg-warning" />Simulator (no keys configured)</>;
    default:
      return <><Dot className="bg-border" />Not available: add a key to use this provider</>;
  }
}

const inline = "flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end";

export default async function ProvidersPage() {
  const { team, allows } = await settingsContext();
  if (!team || !allows("credential.manage")) return <NoAccess what="manage provider keys" />;
  const credentials = await listProviderCredentials({ teamId: team.id });
  const current = credentials.find((c) => c.isDefault)?.provider ?? "";
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Default provider</CardTitle>
          <CardDescription className="basis-full">Used when a generation doesn&apos;t name a provider.</CardDescription>
        </CardHeader>
        <ActionForm action={setDefaultProviderAction} aria-label="Default provider" className={inline}>
          <input type="hidden" name="teamId" value={team.id} />
          <Field id="default-provider" name="provider" label="Provider" className="sm:flex-1">
            <NativeSelect id="default-provider" name="provider" defaultValue={current}>
              <option value="">No default (the studio chooses)</option>
              {credentials.map((c) => <option key={c.provider} value={c.provider}>{c.label}</option>)}
            </NativeSelect>
          </Field>
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </Card>

      {credentials.map((c) => (
        <Card key={c.provider} id={`provider-${c.provider}`} aria-labelledby={`provider-${c.provider}-title`}>
          <CardHeader>
            <CardTitle id={`provider-${c.provider}-title`}>{c.label}{c.isDefault ? <Badge variant="primary">default</Badge> : null}</CardTitle>
            <p className="flex items-center gap-2 text-[13px]" data-testid={`status-${c.provider}`}>{statusLine(c)}</p>
          </CardHeader>
          <ActionForm resetOnSuccess action={saveCredentialAction} aria-label={`${c.label} key`} className={inline}>
            <input type="hidden" name="teamId" value={team.id} />
            <input type="hidden" name="provider" value={c.provider} />
            {FIELDS[c.provider].map((f) => (
              <Field key={f.name} id={`${c.provider}-${f.name}`} name={f.name} label={`${f.label}${f.optional ? " (optional)" : ""}`} className="sm:min-w-52 sm:flex-1">
                <Input id={`${c.provider}-${f.name}`} name={f.name} type="password" autoComplete="off" spellCheck={false}
                  placeholder={f.placeholder ?? (c.source === "team" ? "Enter a new key to replace yours" : "")} />
              </Field>
            ))}
            <SubmitButton variant="secondary" pendingLabel="Checking…">{c.source === "team" ? "Replace key" : "Save key"}</SubmitButton>
          </ActionForm>
          {c.source === "team" ? (
            <ButtonAction action={deleteCredentialAction} fields={{ teamId: team.id, provider: c.provider }} aria-label={`Remove ${c.label} key`}
              className="mt-3" variant="ghost" pendingLabel="Removing…" showMessage
              confirm={{ title: `Remove your ${c.label} key?`, description: "Generations on this provider use the server's key or the simulator afterwards.", action: "Remove key", destructive: true }}>
              Remove your key
            </ButtonAction>
          ) : null}
        </Card>
      ))}
      <p className="text-xs text-muted-foreground">Keys are checked with the provider when saved, encrypted at rest, and never shown again: only their last 4 characters.</p>
    </div>
  );
}
