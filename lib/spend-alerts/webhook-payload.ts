import { env } from "@/lib/env";
import { formatUsd } from "@/lib/spend/format-usd";
import { describeSpendAlert, type AlertFacts } from "@/lib/spend-alerts/describe-spend-alert";

// The webhook's JSON: Slack-compatible (`text`, which an incoming-webhook URL posts as the message; Slack ignores the
// other fields) plus the same facts structured, for receivers that act on them.

export function alertWebhookBody(o: {
  alert: { id: string; threshold: number; limitKind: string; limitId: string; periodStart: Date; createdAt: Date; userId: string | null };
  facts: AlertFacts;
  team: { id: string; name: string };
}) {
  const { title, text, consequence, href } = describeSpendAlert(o.facts);
  const url = `${env().APP_URL}${href}`;
  return {
    text: `*${o.team.name}*: ${title}. ${text}${consequence ? ` ${consequence}` : ""} <${url}|See spend>`,
    type: "spend.alert",
    alert: {
      id: o.alert.id,
      threshold: o.alert.threshold,
      limitKind: o.alert.limitKind,
      limitId: o.alert.limitId,
      limitMicros: Number(o.facts.limitMicros),
      spentMicros: Number(o.facts.spentMicros),
      limitUsd: formatUsd(o.facts.limitMicros),
      spentUsd: formatUsd(o.facts.spentMicros),
      periodStart: o.alert.periodStart.toISOString(),
      createdAt: o.alert.createdAt.toISOString(),
      project: o.facts.projectId ? { id: o.facts.projectId, name: o.facts.projectName } : null,
      userId: o.alert.userId,
    },
    team: o.team,
    url,
  };
}

export function testWebhookBody(o: { team: { id: string; name: string } }) {
  return {
    text: `*${o.team.name}*: test message from Asset Studio spend alerts. Deliveries are signed: check X-Studio-Signature.`,
    type: "spend.alert.test",
    alert: null,
    team: o.team,
    url: `${env().APP_URL}/settings/spend-limits`,
  };
}
