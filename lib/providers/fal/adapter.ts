import { prepareSubmit } from "@/lib/providers/prepare-submit";
import { tokenedWebhookUrl } from "@/lib/providers/webhook-token";
import { httpRequest, joinUrl, field, str } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { buildFalSubmit, falRequestPaths } from "@/lib/providers/fal/request";
import { falError, falQueueStatus, parseFalResult } from "@/lib/providers/fal/status";
import { createJwksCache } from "@/lib/providers/fal/jwks";
import { verifyFalWebhook } from "@/lib/providers/fal/webhook";
import { undocumentedStatus } from "@/lib/providers/undocumented-status";
import type { ProviderAdapter } from "@/lib/providers/types";

export type FalConfig = {
  /** The queue: https://queue.fal.run, or <sim>/fal/queue. */
  baseUrl: string;
  /** https://rest.alpha.fal.ai/.well-known/jwks.json, or <sim>/fal/rest/.well-known/jwks.json. */
  jwksUrl: string;
  /** FAL_KEY, `key_id:key_secret`. */
  credentials: { key: string };
  webhookTokenSecret: string;
  timeoutMs?: number;
};

// Hand-written fetch rather than @fal-ai/client 1.10: its URLs are hard-wired to https://{queue.}fal.run (only a
// requestMiddleware rewrite could redirect them), and its queue submit retries up to 3 times internally with a
// per-call retry config that overrides ours — a retried submit can create duplicate billed jobs. It also uploads
// inline data to fal storage on its own. The wire protocol is four small calls, so we speak it directly.
export function createFalAdapter(config: FalConfig): ProviderAdapter {
  const headers = { authorization: `Key ${config.credentials.key}` };
  const jwks = createJwksCache({ url: config.jwksUrl, timeoutMs: config.timeoutMs });
  const request = (method: "GET" | "POST" | "PUT", path: string, json?: unknown) =>
    httpRequest({ url: joinUrl(config.baseUrl, path), method, headers, json, timeoutMs: config.timeoutMs });

  return {
    provider: "fal",

    async submit(submitRequest) {
      const params = prepareSubmit("fal", submitRequest);
      const webhookUrl = tokenedWebhookUrl(submitRequest, config.webhookTokenSecret);
      const { path, query, body } = buildFalSubmit({ ...submitRequest, params, webhookUrl });
      const qs = new URLSearchParams(query).toString();
      const response = await request("POST", path + (qs ? `?${qs}` : ""), body);
      const error = falError(response, { submit: true });
      if (error) throw error;
      const requestId = str(field(response.json, "request_id"));
      if (!requestId) throw new ProviderError("transient", "fal accepted the request but returned no request_id", { ambiguous: true });
      return { providerTaskId: requestId, raw: response.json };
    },

    async getStatus({ providerTaskId }) {
      const paths = falRequestPaths(providerTaskId);
      const statusResponse = await request("GET", paths.status);
      const error = falError(statusResponse, { submit: false });
      if (error) throw error;
      const word = field(statusResponse.json, "status");
      const status = falQueueStatus(word);
      if (!status) return undocumentedStatus("fal", word, statusResponse.json);
      if (status !== "succeeded") return { status, outputs: [], raw: statusResponse.json };
      const result = await request("GET", paths.result);
      // Credentials, limits and gateway hiccups are about this request, not the job: retry them. Any other
      // error on a COMPLETED request is the job's own failure.
      if ([401, 403, 429, 502, 503, 504].includes(result.status)) throw falError(result, { submit: false })!;
      return parseFalResult(result);
    },

    async cancel({ providerTaskId }) {
      const response = await request("PUT", falRequestPaths(providerTaskId).cancel);
      // 400 ALREADY_COMPLETED: nothing left to cancel, and the result will say how it ended.
      if (response.status === 400) return;
      const error = falError(response, { submit: false });
      if (error) throw error;
    },

    async verifyWebhook(webhook) {
      return verifyFalWebhook(webhook, { jwks, tokenSecret: config.webhookTokenSecret });
    },
  };
}
