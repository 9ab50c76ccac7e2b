// GET /api/health - database, storage and worker status (unauthenticated: it reveals no data)
import { checkHealth } from "@/lib/health/check-health";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";

export const GET = route(async () => {
  const health = await checkHealth();
  return json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
