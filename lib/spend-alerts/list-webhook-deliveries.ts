import { db } from "@/lib/db";
import type { TeamAccess } from "@/lib/teams/resolve-team-access";
import type { SpendAlertDeliveryDto } from "@/lib/spend-alerts/alert-settings-schemas";

/** The team's latest webhook delivery attempts, newest first, for the settings page. */
export async function listWebhookDeliveries(options: { access: TeamAccess; limit?: number }): Promise<SpendAlertDeliveryDto[]> {
  const rows = await db.spendAlertDelivery.findMany({
    where: { teamId: options.access.teamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 20,
  });
  return rows.map((r) => ({
    id: r.id,
    alertId: r.alertId,
    url: r.url,
    attempt: r.attempt,
    status: r.status === "delivered" ? "delivered" : "failed",
    responseCode: r.responseCode,
    durationMs: r.durationMs,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  }));
}
