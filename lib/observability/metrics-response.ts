import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { collectDbMetrics } from "@/lib/observability/collect-db-metrics";
import { metrics } from "@/lib/observability/metrics";

export type MetricsAnswer = { status: number; contentType: string; body: string };

/**
 * The answer to a Prometheus scrape, for the web app's /api/metrics and the worker's metrics port alike. Off (404)
 * unless METRICS_TOKEN is set; then only `Authorization: Bearer <METRICS_TOKEN>` gets the figures, anything else 401.
 */
export async function metricsAnswer(authorization: string | null | undefined, token = env().METRICS_TOKEN): Promise<MetricsAnswer> {
  if (!token) return { status: 404, contentType: "application/json", body: JSON.stringify({ error: { code: "not_found", message: "Not found." } }) };
  if (!sameSecret(authorization ?? "", `Bearer ${token}`)) {
    return { status: 401, contentType: "application/json", body: JSON.stringify({ error: { code: "unauthorized", message: "A valid metrics token is required." } }) };
  }
  await collectDbMetrics();
  const { registry } = metrics();
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
