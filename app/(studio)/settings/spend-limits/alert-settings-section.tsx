import { ActionForm, Field, OnceValue, SubmitButton } from "@/app/_components/action-form";
import { Card, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { ALERT_CHANNELS, ALERT_LIMIT_KINDS, ALERT_THRESHOLD_VALUES, type SpendAlertDeliveryDto, type SpendAlertSettingsDto } from "@/lib/spend-alerts/alert-settings-schemas";
import { rotateWebhookSecretAction, saveAlertChannelsAction, saveWebhookAction } from "./alert-actions";
import { DeliveriesList, SendTestButton } from "./webhook-deliveries";

const CHANNEL_LABEL = { studio: "Studio", email: "Email", webhook: "Webhook" } as const;
const CHANNEL_HINT = {
  studio: "Notifications, and the banner at 80 % and more.",
  email: "Owners and admins, and the member for a cap.",
  webhook: "The URL below, signed.",
} as const;
const KIND_LABEL: Record<(typeof ALERT_LIMIT_KINDS)[number], string> = {
  project_budget: "Project budgets",
  project_soft_limit: "Project soft limits",
  team_limit: "Team limit",
  team_soft_limit: "Team alert level",
  member_cap: "Member caps",
  member_project_cap: "Member caps in a project",
};
const check = "flex items-center gap-2 text-sm text-foreground [&_input]:size-4 [&_input]:accent-primary";

/** Team settings' "Alerts" section: who hears about 50/80/100 % of which limit, and the team's signed webhook. */
export function AlertSettingsSection(props: { teamId: string; settings: SpendAlertSettingsDto; deliveries: SpendAlertDeliveryDto[] }) {
  const { teamId, settings, deliveries } = props;
  const teamField = <input type="hidden" name="teamId" value={teamId} />;
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Alerts</CardTitle>
          <CardDescription className="basis-full">
            Each limit alerts once a month at each share it reaches. Choose which channel hears about which shares and limits.
          </CardDescription>
        </CardHeader>
        <ActionForm action={saveAlertChannelsAction} aria-label="Alert channels" className="grid gap-4">
          {teamField}
          <div className="grid gap-4 md:grid-cols-3">
            {ALERT_CHANNELS.map((channel) => (
              <fieldset key={channel} className="grid content-start gap-1.5 rounded-lg border border-border p-3">
                <legend className="px-1 text-[13px] font-medium">{CHANNEL_LABEL[channel]}</legend>
                <span className="text-xs text-muted-foreground">{CHANNEL_HINT[channel]}</span>
                <div className="flex flex-wrap gap-x-4 gap-y-1.5" role="group" aria-label={`${channel} thresholds`}>
                  {ALERT_THRESHOLD_VALUES.map((t) => (
                    <label key={t} className={check}>
                      <input type="checkbox" name={`${channel}.threshold`} value={t} defaultChecked={(settings.channels[channel].thresholds as number[]).includes(t)} /> {t}%
                    </label>
                  ))}
                </div>
                <div className="mt-1 grid gap-1.5">
                  {ALERT_LIMIT_KINDS.map((k) => (
                    <label key={k} className={check}>
                      <input type="checkbox" name={`${channel}.kind`} value={k} defaultChecked={(settings.channels[channel].limitKinds as string[]).includes(k)} /> {KIND_LABEL[k]}
                    </label>
                  ))}
                </div>
                {channel === "webhook" && !settings.webhookUrl ? <span className="text-xs text-muted-foreground">Needs a webhook URL below.</span> : null}
              </fieldset>
            ))}
          </div>
          <div><SubmitButton>Save alert settings</SubmitButton></div>
        </ActionForm>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Alert webhook</CardTitle>
          <CardDescription className="basis-full">
            A JSON POST per alert, Slack-compatible (<code>text</code>) with the figures beside it, signed in <code>X-Studio-Signature: t=…,v1=…</code>{" "}
            (HMAC-SHA256 of <code>timestamp.body</code> with the secret). Failed deliveries are retried with backoff for about ten minutes.
          </CardDescription>
        </CardHeader>
        <div className="grid gap-4">
          <ActionForm action={saveWebhookAction} aria-label="Alert webhook" className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start">
            {teamField}
            <Field id="webhook-url" name="webhookUrl" label="Webhook URL" hint="Empty: no webhook (and its secret is deleted).">
              <Input id="webhook-url" name="webhookUrl" type="url" inputMode="url" placeholder="https://hooks.slack.com/services/…" defaultValue={settings.webhookUrl ?? ""} />
            </Field>
            <div className="sm:pt-6"><SubmitButton>Save webhook</SubmitButton></div>
            <OnceValue name="webhookSecret" label="Signing secret" hint="Copy it now: it won't be shown again. Verify each delivery's X-Studio-Signature with it." />
          </ActionForm>
          {settings.webhookUrl ? (
            <div className="flex flex-wrap items-start gap-3">
              <SendTestButton teamId={teamId} />
              <ActionForm action={rotateWebhookSecretAction} aria-label="Rotate the signing secret"
                confirm={{ title: "Rotate the signing secret?", description: "Deliveries are signed with the new secret at once: update your receiver.", action: "Rotate secret", destructive: true }}>
                {teamField}
                <SubmitButton variant="secondary" pendingLabel="Rotating…">Rotate secret</SubmitButton>
                <OnceValue name="webhookSecret" label="New signing secret" hint="Copy it now: it won't be shown again." />
              </ActionForm>
            </div>
          ) : null}
          <DeliveriesList teamId={teamId} initial={deliveries} />
        </div>
      </Card>
    </>
  );
}
