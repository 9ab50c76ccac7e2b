// POST /api/webhooks/:provider - provider callbacks, authenticated by signature or per-job token (no session)
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export const POST = route(async (request, params) => {
  // The raw body first: signatures are over these exact bytes.
  const rawBody = await request.text();
  const outcome = await receiveWebhook({ provider: params.provider ?? "", rawBody, headers: request.headers, url: request.url });
  return json(outcome.body, { status: outcome.status });
});
