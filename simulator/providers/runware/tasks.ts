import type { IncomingHttpHeaders } from "node:http";
import { randomUUID } from "node:crypto";
import { RUNWARE_API_KEY } from "../../credentials";
import { findJob } from "../../core/jobs";
import { isObject } from "../../core/http";
import type { Sim } from "../../core/sim";
import type { ForcedFault } from "../../core/types";
import { validate } from "../../core/validate";
import { capitalize, STATUS_OF, type RunwareIssue } from "./errors";
import { jobError, processingItem, resultItem } from "./present";
import { runInference } from "./inference";
import { taskUUID } from "./schemas";
import { promptEnhance } from "./prompt-enhance";

export interface TaskContext {
  sim: Sim;
  headers: IncomingHttpHeaders;
  forced: Set<ForcedFault>;
  authorized: boolean; // REST: a valid Bearer header; WebSocket: an authenticated session
}

export interface TaskResult {
  data: Record<string, unknown>[];
  errors: RunwareIssue[];
}

const missingKey = (): RunwareIssue => ({
  code: "missingApiKey",
  message: "Missing API key. Send it as a Bearer token or in an authentication task",
  parameter: "apiKey",
  taskType: "authentication",
});
const invalidKey = (): RunwareIssue => ({
  code: "invalidApiKey",
  message: "Invalid API key. Get one at https://my.runware.ai/signup",
  parameter: "apiKey",
  taskType: "authentication",
});

// Authentication tasks may ride in the same array as the work (REST) or open the session (WebSocket).
export function authenticationTask(task: Record<string, unknown>): { ok: boolean; issue?: RunwareIssue } {
  if (task.apiKey === undefined) return { ok: false, issue: missingKey() };
  if (typeof task.apiKey !== "string" || task.apiKey !== RUNWARE_API_KEY) return { ok: false, issue: invalidKey() };
  return { ok: true };
}

export async function processTasks(ctx: TaskContext, tasks: unknown[]): Promise<TaskResult> {
  const result: TaskResult = { data: [], errors: [] };
  let authorized = ctx.authorized;
  for (const task of tasks.filter(isObject)) {
    if (task.taskType !== "authentication") continue;
    const auth = authenticationTask(task);
    if (!auth.ok) return { data: [], errors: [auth.issue!] };
    authorized = true;
    result.data.push({ taskType: "authentication", connectionSessionUUID: randomUUID() });
  }
  if (!authorized) return { data: [], errors: [missingKey()] };

  await Promise.all(
    tasks.map(async (task) => {
      if (!isObject(task)) {
        result.errors.push({ code: "invalidPayload", message: "Each task must be a JSON object" });
        return;
      }
      if (task.taskType === "authentication") return;
      if (task.taskType === "ping") return void result.data.push({ taskType: "ping", pong: true });
      if (task.taskType === "getResponse") return getResponse(ctx.sim, task, result);
      if (task.taskType === "imageInference") return runInference(ctx, task, result);
      if (task.taskType === "promptEnhance") {
        const enhanced = promptEnhance(task);
        if (enhanced.error) result.errors.push(enhanced.error);
        else result.data.push(...enhanced.data!);
        return;
      }
      result.errors.push({
        code: "invalidTaskType",
        message: `Unsupported taskType ${JSON.stringify(task.taskType)}; the simulator serves imageInference, getResponse and promptEnhance`,
        parameter: "taskType",
        taskUUID: typeof task.taskUUID === "string" ? task.taskUUID : undefined,
      });
    }),
  );
  return result;
}

async function getResponse(sim: Sim, task: Record<string, unknown>, result: TaskResult): Promise<void> {
  const parsed = validate(taskUUID, task.taskUUID);
  if (!parsed.ok) {
    const code = task.taskUUID === undefined ? "missingTaskUUID" : "invalidTaskUUID";
    result.errors.push({ code, message: `${capitalize(code)}: taskUUID must be a UUID v4`, parameter: "taskUUID", taskType: "getResponse" });
    return;
  }
  const job = findJob(sim, "runware", parsed.data);
  if (!job) {
    result.errors.push({ code: "taskNotFound", message: `No active task with taskUUID ${parsed.data}`, parameter: "taskUUID", taskType: "getResponse", taskUUID: parsed.data });
    return;
  }
  // Full state every time: finished items with their outputs, the rest still processing (partial results).
  for (const output of job.outputs) {
    if (!output.ready && job.phase === "failed") continue;
    result.data.push(output.ready ? await resultItem(sim, job, output, true) : processingItem(job));
  }
  if (job.phase === "failed") result.errors.push(jobError(job));
}

export function httpStatusOf(result: TaskResult): number {
  if (result.errors.length === 0 || result.data.length > 0) return 200;
  return STATUS_OF[result.errors[0]!.code] ?? 400;
}
