import { prepareSubmit } from "@/lib/providers/prepare-submit";
import { tokenedWebhookUrl } from "@/lib/providers/webhook-token";
import { httpRequest, joinUrl, field, str } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { buildWaveSpeedSubmit } from "@/lib/providers/wavespeed/request";
import { parseWaveSpeedPrediction, waveSpeedError } from "@/lib/providers/wavespeed/status";
import { verifyWaveSpeedWebhook } from "@/lib/providers/wavespeed/webhook";
import type { ProviderAdapter } from "@/lib/providers/types";

export type WaveSpeedConfig = {
  /** https://api.wavespeed.ai, or <sim>/wavespeed. */
  baseUrl: string;
  /** webhookSecret: from GET /api/v3/webhook/secret (`whsec_…`); without it webhooks are rejected, polling works. */
  credentials: { apiKey: string; webhookSecret?: string };
  webhookTokenSecret: string;
  timeoutMs?: number;
};

// Hand-written fetch rather than the `wavespeed` SDK: we need one bounded request per call (no SDK polling or
// retries) and our own error classes.
export function createWaveSpeedAdapter(config: WaveSpeedConfig): ProviderAdapter {
  const headers = { authorization: `Bearer ${config.credentials.apiKey}` };
  return {
    provider: "wavespeed",

    async submit(request) {
      const params = prepareSubmit("wavespeed", request);
      const webhookUrl = tokenedWebhookUrl(request, config.webhookTokenSecret);
      const { path, query, body } = buildWaveSpeedSubmit({ ...request, params, webhookUrl });
      const qs = new URLSearchParams(query).toString();
      const response = await httpRequest({
        url: joinUrl(config.baseUrl, path) + (qs ? `?${qs}` : ""),
        method: "POST",
        headers,
        json: body,
        timeoutMs: config.timeoutMs,
      });
      const error = waveSpeedError(response, { submit: true });
      if (error) throw error;
      const id = str(field(response.json, "data", "id"));
      // WaveSpeed has no lookup by our id, so a lost id is unrecoverable: flag it ambiguous for the runner.
      if (!id) throw new ProviderError("transient", "WaveSpeed accepted the task but returned no id", { ambiguous: true });
      return { providerTaskId: id, raw: response.json };
    },

    async getStatus({ providerTaskId }) {
      const response = await httpRequest({
        url: joinUrl(config.baseUrl, `/api/v3/predictions/${encodeURIComponent(providerTaskId)}/result`),
        method: "GET",
        headers,
        timeoutMs: config.timeoutMs,
      });
      // A failed task may come back with a failure code in the envelope but a readable prediction: report it as a
      // failed task, not as a failed request.
      const data = field(response.json, "data");
      // Any status word counts as an answer: an undocumented one fails the job loudly (parseWaveSpeedPrediction).
      if (response.status < 300 && typeof field(data, "status") === "string") return parseWaveSpeedPrediction(data, field(response.json, "code"));
      throw waveSpeedError(response, { submit: false }) ?? new ProviderError("transient", "WaveSpeed returned no prediction status");
    },

    async verifyWebhook(request) {
      return verifyWaveSpeedWebhook(request, { webhookSecret: config.credentials.webhookSecret, tokenSecret: config.webhookTokenSecret });
    },
  };
}
