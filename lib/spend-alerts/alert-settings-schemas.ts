import { z } from "zod";

// Who is told what about spend alerts (item 3 of issue 13): per team, each channel gets a set of thresholds and a set
// of limit kinds. Stored as JSON on SpendAlertSettings.channels; no row means DEFAULT_CHANNELS.

export const ALERT_CHANNELS = ["studio", "email", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const ALERT_LIMIT_KINDS = ["project_budget", "project_soft_limit", "team_limit", "team_soft_limit", "member_cap", "member_project_cap"] as const;
export type AlertLimitKindName = (typeof ALERT_LIMIT_KINDS)[number];

export const ALERT_THRESHOLD_VALUES = [50, 80, 100] as const;

const channelRule = z.object({
  thresholds: z.array(z.union([z.literal(50), z.literal(80), z.literal(100)], "Thresholds are 50, 80 or 100.")).max(3),
  limitKinds: z.array(z.enum(ALERT_LIMIT_KINDS, "Unknown limit kind.")).max(ALERT_LIMIT_KINDS.length),
});
export type ChannelRule = z.infer<typeof channelRule>;

export const spendAlertChannels = z.object({ studio: channelRule, email: channelRule, webhook: channelRule });
export type SpendAlertChannels = z.infer<typeof spendAlertChannels>;

const everything = (): ChannelRule => ({ thresholds: [...ALERT_THRESHOLD_VALUES], limitKinds: [...ALERT_LIMIT_KINDS] });
export const DEFAULT_CHANNELS: SpendAlertChannels = { studio: everything(), email: everything(), webhook: everything() };

/** Stored JSON → channels; anything unreadable (an older shape) falls back to the defaults rather than silencing alerts. */
export function parseChannels(stored: unknown): SpendAlertChannels {
  const parsed = spendAlertChannels.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_CHANNELS;
}

export function channelWants(rule: ChannelRule, alert: { threshold: number; limitKind: string }) {
  return (rule.thresholds as number[]).includes(alert.threshold) && (rule.limitKinds as string[]).includes(alert.limitKind);
}

const webhookUrl = z
  .url({ protocol: /^https?$/, error: "Enter an http(s) URL." })
  .max(2000, "Keep the URL under 2000 characters.")
  .refine((u) => {
    const url = new URL(u);
    return !url.username && !url.password;
  }, "Leave credentials out of the URL; verify deliveries with the signature instead.");

export const updateSpendAlertSettingsInput = z.object({
  channels: spendAlertChannels,
  /** null removes the webhook (and its secret). */
  webhookUrl: webhookUrl.nullable(),
});
export type UpdateSpendAlertSettingsInput = z.infer<typeof updateSpendAlertSettingsInput>;

export const spendAlertSettingsDto = z.object({
  channels: spendAlertChannels,
  webhookUrl: z.string().nullable(),
  /** Whether a signing secret exists (the secret itself is shown only when made or rotated). */
  webhookSecretSet: z.boolean(),
  /** Present only in the answer that created the secret (first webhook URL): store it now, it is not shown again. */
  webhookSecret: z.string().optional(),
});
export type SpendAlertSettingsDto = z.infer<typeof spendAlertSettingsDto>;

export const webhookSecretDto = z.object({ webhookSecret: z.string() });

export const spendAlertDeliveryDto = z.object({
  id: z.string(),
  alertId: z.string().nullable(),
  url: z.string(),
  attempt: z.number().int(),
  status: z.enum(["delivered", "failed"]),
  responseCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type SpendAlertDeliveryDto = z.infer<typeof spendAlertDeliveryDto>;
