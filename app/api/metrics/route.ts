// GET /api/metrics - Prometheus metrics (Bearer METRICS_TOKEN; 404 when the token is not set)
import { metricsAnswer } from "@/lib/observability/metrics-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const answer = await metricsAnswer(request.headers.get("authorization"));
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType, "cache-control": "no-store" } });
}
