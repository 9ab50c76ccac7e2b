import { z } from "zod";
import { activeSpendAlertDto } from "@/lib/spend-alerts/active-alert-schemas";
import { spendAlertDeliveryDto, spendAlertSettingsDto, updateSpendAlertSettingsInput, webhookSecretDto } from "@/lib/spend-alerts/alert-settings-schemas";

// Spend alerts (settings, webhook secret, test, deliveries, the banner's active alerts) in the OpenAPI document
// (build-openapi.ts merges them in), from the zod schemas the routes parse and answer with.
const input = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const output = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });
const params = (...names: string[]) => names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });

const SIGNATURE =
  "Each delivery is a JSON POST (Slack-compatible `text` plus `type`, `alert`, `team`, `url`) with `X-Studio-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>` and `X-Studio-Webhook-Id` (the same on every retry). Verify by recomputing the HMAC over the timestamp, a dot and the exact bytes received, compare in constant time, and reject timestamps more than 5 minutes old. Failed deliveries (non-2xx, timeouts) are retried with exponential backoff for about 10 minutes.";

export const spendAlertSchemas = {
  SpendAlertSettings: output(spendAlertSettingsDto),
  UpdateSpendAlertSettings: input(updateSpendAlertSettingsInput),
  WebhookSecret: output(webhookSecretDto),
  SpendAlertDeliveryList: output(z.object({ data: z.array(spendAlertDeliveryDto) })),
  ActiveSpendAlertList: output(z.object({ data: z.array(activeSpendAlertDto) })),
};

// Sessions need an owner's or admin's role; an API key needs the scope named in `security` (OpenAPI 3.1 lets a
// non-OAuth scheme list the roles an operation needs) on a key for every project, within its creator's current role.
const KEYS =
  " API keys: reading needs the `spend:read` scope, changing needs `alerts:write` (read-write keys), on a key for every project; a scope never goes beyond its creator's current role.";
const reads = [{ apiKey: ["spend:read"] }];
const writes = [{ apiKey: ["alerts:write"] }];

export function spendAlertPaths(errors: Record<string, unknown>) {
  return {
    "/api/v1/teams/{teamId}/spend-alert-settings": {
      get: { summary: "Who gets which spend alerts: per channel (studio, email, webhook) the thresholds and limit kinds, and the webhook URL (owners and admins)", description: KEYS.trim(), security: reads, parameters: params("teamId"), responses: { 200: { description: "Settings", ...json("SpendAlertSettings") }, ...errors } },
      put: {
        summary: "Save the alert settings and the webhook URL (owners and admins)",
        description: `The first webhook URL creates its signing secret, returned once as \`webhookSecret\` in this answer. ${SIGNATURE}${KEYS}`,
        security: writes,
        parameters: params("teamId"),
        requestBody: json("UpdateSpendAlertSettings"),
        responses: { 200: { description: "Settings", ...json("SpendAlertSettings") }, ...errors },
      },
    },
    "/api/v1/teams/{teamId}/spend-alert-settings/webhook-secret": {
      post: { summary: "Rotate the webhook signing secret; the new one is shown only in this answer", description: KEYS.trim(), security: writes, parameters: params("teamId"), responses: { 200: { description: "The new secret", ...json("WebhookSecret") }, ...errors } },
    },
    "/api/v1/teams/{teamId}/spend-alert-settings/webhook-test": {
      post: { summary: "Queue a signed test delivery to the webhook; its attempt appears in the deliveries", description: KEYS.trim(), security: writes, parameters: params("teamId"), responses: { 202: { description: "{ deliveryId }" }, ...errors } },
    },
    "/api/v1/teams/{teamId}/spend-alert-settings/deliveries": {
      get: { summary: "The latest webhook delivery attempts: status, response code, duration, error", description: KEYS.trim(), security: reads, parameters: params("teamId"), responses: { 200: { description: "Deliveries", ...json("SpendAlertDeliveryList") }, ...errors } },
    },
    "/api/v1/teams/{teamId}/spend-alerts/active": {
      get: {
        summary: "Limits of this period at 80 % or more that the caller should see (the studio's banner)",
        description: "Owners and admins see every limit; other members their own caps and the projects they can read. Any API key of the team may ask (no scope): it sees what its creator would, within the key's projects.",
        parameters: params("teamId"),
        responses: { 200: { description: "Active alerts", ...json("ActiveSpendAlertList") }, ...errors },
      },
    },
  };
}
