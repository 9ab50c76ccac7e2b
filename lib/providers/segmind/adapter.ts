import { prepareSubmit } from "@/lib/providers/prepare-submit";
import { httpRequest, joinUrl, field, str } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { buildSegmindSubmit, segmindRequestPaths } from "@/lib/providers/segmind/request";
import { parseSegmindResult, segmindError, segmindStatus } from "@/lib/providers/segmind/status";
import { undocumentedStatus } from "@/lib/providers/undocumented-status";
import type { ProviderAdapter } from "@/lib/providers/types";

export type SegmindConfig = {
  /** https://api.segmind.com, or <sim>/segmind. */
  baseUrl: string;
  credentials: { apiKey: string };
  timeoutMs?: number;
};

// Segmind has no inference webhooks: jobs are polled. Request records expire an hour after submission, so the
// poller must not back off past that.
export function createSegmindAdapter(config: SegmindConfig): ProviderAdapter {
  const request = (method: "GET" | "POST", path: string, json?: unknown) =>
    httpRequest({ url: joinUrl(config.baseUrl, path), method, json, headers: { "x-api-key": config.credentials.apiKey }, timeoutMs: config.timeoutMs });

  return {
    provider: "segmind",

    async submit(submitRequest) {
      const params = prepareSubmit("segmind", submitRequest);
      const { path, body } = buildSegmindSubmit({ ...submitRequest, params });
      const response = await request("POST", path, body);
      const error = segmindError(response, { submit: true });
      if (error) throw error;
      const requestId = str(field(response.json, "request_id"));
      if (!requestId) throw new ProviderError("transient", "Segmind accepted the job but returned no request_id", { ambiguous: true });
      return { providerTaskId: requestId, raw: response.json };
    },

    async getStatus({ providerTaskId }) {
      const paths = segmindRequestPaths(providerTaskId);
      const statusResponse = await request("GET", paths.status);
      // The body speaks before the HTTP status: a FAILED request answers 422 with {"status":"FAILED","error"} on
      // /status and on the response URL alike (Segmind's official SDK, segmind/v2.py). Only a body that names no
      // state is an error of the request itself.
      const state = field(statusResponse.json, "status");
      const status = segmindStatus(state);
      if (status === "failed") return parseSegmindResult(statusResponse);
      if (statusResponse.status === 404)
        throw new ProviderError("invalid_input", "Segmind no longer knows this request (records expire after an hour)", { httpStatus: 404 });
      const error = segmindError(statusResponse, { submit: false });
      if (error) throw error;
      if (!status) return undocumentedStatus("segmind", state, statusResponse.json);
      if (status !== "succeeded") return { status, outputs: [], raw: statusResponse.json };
      const resultResponse = await request("GET", paths.response);
      if (!segmindStatus(field(resultResponse.json, "status")) && resultResponse.status !== 422) {
        const resultError = segmindError(resultResponse, { submit: false });
        if (resultError) throw resultError;
      }
      return parseSegmindResult(resultResponse);
    },

    async verifyWebhook() {
      return { ok: false, reason: "unsupported", message: "Segmind sends no webhooks for inference; jobs are polled" };
    },
  };
}
