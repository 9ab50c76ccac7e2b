import { prepareSubmit } from "@/lib/providers/prepare-submit";
import { tokenedWebhookUrl } from "@/lib/providers/webhook-token";
import { randomUUID } from "node:crypto";
import { field, httpRequest, joinUrl, str, type HttpResponse } from "@/lib/providers/http";
import { ProviderError } from "@/lib/providers/provider-error";
import { buildRunwarePoll, buildRunwareSubmit, runwareTaskUuid } from "@/lib/providers/runware/request";
import { isRunwareNotFound, runwarePollError, runwareRequestError } from "@/lib/providers/runware/errors";
import { parseRunwareResponse } from "@/lib/providers/runware/status";
import { verifyRunwareWebhook } from "@/lib/providers/runware/webhook";
import type { ProviderAdapter } from "@/lib/providers/types";

export type RunwareConfig = {
  /** https://api.runware.ai, or <sim>/runware (tasks are POSTed to `<baseUrl>/v1`). */
  baseUrl: string;
  credentials: { apiKey: string };
  webhookTokenSecret: string;
  timeoutMs?: number;
};

// Hand-written fetch rather than @runware/sdk-js: the SDK prefers a WebSocket session and polls internally; we
// need one bounded REST call per step so the job runner owns retries and timing.
export function createRunwareAdapter(config: RunwareConfig): ProviderAdapter {
  const post = (tasks: unknown, submit = false): Promise<HttpResponse> =>
    httpRequest({
      url: joinUrl(config.baseUrl, "/v1"),
      method: "POST",
      // getResponse is a read even though it is a POST: never ambiguous.
      idempotent: !submit,
      headers: { authorization: `Bearer ${config.credentials.apiKey}` },
      json: tasks,
      timeoutMs: config.timeoutMs,
    });
  const poll = async (taskUUID: string) => post(buildRunwarePoll(taskUUID));
  return {
    provider: "runware",

    async submit(request) {
      const params = prepareSubmit("runware", request);
      // The catalog allows seed 0, but Runware's seeds start at 1 (the simulator refuses 0 with invalidSeed): say so
      // before sending instead of spending a round trip on a rejected task.
      if (params.seed === 0) throw new ProviderError("invalid_input", "seed: Runware seeds start at 1", { fields: { seed: "Runware seeds start at 1" } });
      const webhookUrl = tokenedWebhookUrl(request, config.webhookTokenSecret);
      const tasks = buildRunwareSubmit({ ...request, params, webhookUrl });
      const response = await post(tasks, true);
      const error = runwareRequestError(response, { submit: true });
      if (error) throw error;
      return { providerTaskId: runwareTaskUuid(request.correlationId), raw: response.json };
    },

    // Runware's Prompt Enhancer utility (docs.runware.ai/en/utilities/prompt-enhancer): answered in the same response,
    // one item per version. A read in effect (it makes nothing that lasts), so safe to repeat.
    async enhancePrompt({ prompt, versions, maxTokens }) {
      const taskUUID = randomUUID();
      const response = await post([{ taskType: "promptEnhance", taskUUID, prompt, promptMaxLength: maxTokens, promptVersions: versions }]);
      const error = runwareRequestError(response, { submit: false });
      if (error) throw error;
      const items = field(response.json, "data");
      return (Array.isArray(items) ? items : [])
        .filter((item) => field(item, "taskType") === "promptEnhance" && field(item, "taskUUID") === taskUUID)
        .flatMap((item) => str(field(item, "text")) ?? []);
    },

    async getStatus({ providerTaskId, expectedImages }) {
      const response = await poll(providerTaskId);
      // Right after an async submit the task may not be visible yet; "not found" must not fail a paid job. The
      // runner's deadline ends jobs that never appear.
      if (isRunwareNotFound(response)) return { status: "queued", outputs: [], raw: response.json };
      const error = runwarePollError(response, providerTaskId);
      if (error) throw error;
      return parseRunwareResponse(response.json, { taskUUID: providerTaskId, expectedImages });
    },

    // The taskUUID is derived from our correlation id, so the task can be asked for directly.
    async findByCorrelationId({ correlationId }) {
      const taskUUID = runwareTaskUuid(correlationId);
      const response = await poll(taskUUID);
      if (isRunwareNotFound(response)) return null;
      const error = runwarePollError(response, taskUUID);
      if (error) throw error;
      return { providerTaskId: taskUUID, ...parseRunwareResponse(response.json, { taskUUID }) };
    },

    async verifyWebhook(request) {
      return verifyRunwareWebhook(request, config.webhookTokenSecret);
    },
  };
}
