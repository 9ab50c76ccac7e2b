// POST /api/webhooks/:provider - provider callbacks, authenticated by signature or per-job token (no session)
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { answerWebhook } from "@/lib/webhooks/answer-webhook";

// The same answerWebhook as `npm start`'s fast path (lib/webhooks/serve-webhook.ts): the body cap lives there.
export const POST = route(async (request, params) => {
  const body = request.body as AsyncIterable<Uint8Array> | null;
  const outcome = await answerWebhook({ provider: params.provider ?? "", url: request.url, headers: request.headers, body });
  return json(outcome.body, { status: outcome.status });
});
