import { prepareSubmit } from "@/lib/providers/prepare-submit";
import { tokenedWebhookUrl } from "@/lib/providers/webhook-token";
import { httpRequest, joinUrl, field, str, type HttpResponse } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { createKlingToken } from "@/lib/providers/kling/jwt";
import { buildKlingSubmit, klingTaskPath } from "@/lib/providers/kling/request";
import { klingError } from "@/lib/providers/kling/errors";
import { isMissingElement, klingElementLibrary } from "@/lib/providers/kling/elements";
import { parseKlingTask } from "@/lib/providers/kling/status";
import { verifyKlingWebhook } from "@/lib/providers/kling/webhook";
import type { ProviderAdapter } from "@/lib/providers/types";

export type KlingConfig = {
  /** https://api-singapore.klingai.com, or <sim>/kling. */
  baseUrl: string;
  credentials: { accessKey: string; secretKey: string };
  /** Signs the ?token= in callback URLs (Kling signs nothing itself). */
  webhookTokenSecret: string;
  /** USD micros per resource-pack unit, to turn final_unit_deduction into a cost; depends on the pack bought. */
  microsPerUnit?: number;
  timeoutMs?: number;
};

export function createKlingAdapter(config: KlingConfig): ProviderAdapter {
  const call = async (method: "GET" | "POST", path: string, json?: unknown): Promise<HttpResponse> =>
    httpRequest({
      url: joinUrl(config.baseUrl, path),
      method,
      json,
      timeoutMs: config.timeoutMs,
      headers: { authorization: `Bearer ${await createKlingToken(config.credentials)}` },
    });

  return {
    provider: "kling",

    async submit(request) {
      const params = prepareSubmit("kling", request);
      const callbackUrl = tokenedWebhookUrl(request, config.webhookTokenSecret);
      const { path, body } = buildKlingSubmit({ ...request, params, callbackUrl });
      const response = await call("POST", path, body);
      const error = klingError(response, { submit: true });
      if (error && isMissingElement(error)) {
        throw new ProviderError(error.errorClass, error.message, { providerCode: error.providerCode, httpStatus: error.httpStatus, elementMissing: true });
      }
      if (error) throw error;
      const taskId = str(field(response.json, "data", "task_id"));
      if (!taskId) throw new ProviderError("transient", "Kling accepted the task but returned no task_id", { ambiguous: true });
      return { providerTaskId: taskId, raw: response.json };
    },

    async getStatus({ providerTaskId, model }) {
      const response = await call("GET", `${klingTaskPath(model)}/${encodeURIComponent(providerTaskId)}`);
      const error = klingError(response, { submit: false });
      if (error) throw error;
      return parseKlingTask(field(response.json, "data"), { microsPerUnit: config.microsPerUnit });
    },

    // The query endpoint takes our external_task_id in place of Kling's task_id (providers.md §1.4).
    async findByCorrelationId({ correlationId, model }) {
      const response = await call("GET", `${klingTaskPath(model)}/${encodeURIComponent(correlationId)}`);
      if (response.status === 404 || field(response.json, "code") === 1203) return null;
      const error = klingError(response, { submit: false });
      if (error) throw error;
      const data = field(response.json, "data");
      const taskId = str(field(data, "task_id"));
      if (!taskId) return null;
      return { providerTaskId: taskId, ...parseKlingTask(data, { microsPerUnit: config.microsPerUnit }) };
    },

    async verifyWebhook(request) {
      return verifyKlingWebhook(request, config.webhookTokenSecret);
    },

    elements: klingElementLibrary({ accessKey: config.credentials.accessKey, call }),
  };
}
