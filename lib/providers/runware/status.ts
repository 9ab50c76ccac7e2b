import { field, str, usdToMicros } from "@/lib/providers/http";
import { classifyFailureMessage } from "@/lib/providers/classify-failure";
import { runwareCodeClass, runwareErrorItems } from "@/lib/providers/runware/errors";
import { undocumentedStatus } from "@/lib/providers/undocumented-status";
import type { ProviderOutput, StatusResult, TaskStatus } from "@/lib/providers/types";
import { LIMITS } from "@/lib/kling/options";

// getResponse answer → StatusResult. Runware reports one item per image (`processing`/`pending`, `success`,
// `error`), plus task-scoped `errors`; a job is done once every expected image has succeeded or failed
// (providers.md §3.3). Partial success counts as succeeded with fewer outputs: only those are billed.

const FORMATS: Record<string, string> = { jpg: "jpeg", jpeg: "jpeg", png: "png", webp: "webp" };

// Item statuses Runware documents: processing (older pages: pending), success, error. A webhook item carries none.
const ITEM_STATUSES = new Set(["processing", "pending", "success", "error", "failed"]);

// Each result carries the seed it was made with (`seed`, providers.md §3.3; every seed-004 example is an int32).
// Kept only when it fits the seed a request may carry (0 … 2^31−1, lib/kling/options.ts), so it can be sent again.
function reportedSeed(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= LIMITS.seedMax ? value : undefined;
}

export function runwareItemStatus(item: unknown): TaskStatus {
  const status = str(field(item, "status"));
  if (status === "success" || (!status && str(field(item, "imageURL")))) return "succeeded";
  if (status === "error" || status === "failed") return "failed";
  return "running";
}

export function parseRunwareResponse(json: unknown, options: { taskUUID: string; expectedImages?: number }): StatusResult {
  const data = field(json, "data");
  const items = (Array.isArray(data) ? data : []).filter((i) => str(field(i, "taskUUID")) === options.taskUUID);
  const unknown = items.map((i) => field(i, "status")).find((s) => s !== undefined && !(typeof s === "string" && ITEM_STATUSES.has(s)));
  if (unknown !== undefined) return undocumentedStatus("runware", unknown, json);
  const errors = runwareErrorItems(json).filter((e) => !e.taskUUID || e.taskUUID === options.taskUUID);
  const outputs: ProviderOutput[] = [];
  let cost = 0;
  let costSeen = false;
  let failedItems = 0;
  let pending = 0;
  for (const item of items) {
    const state = runwareItemStatus(item);
    if (state === "failed") failedItems++;
    if (state === "running") pending++;
    const url = str(field(item, "imageURL"));
    if (state !== "succeeded" || !url || outputs.some((o) => o.url === url)) continue;
    const ext = url.split("?")[0]!.split(".").pop()?.toLowerCase() ?? "";
    const seed = reportedSeed(field(item, "seed"));
    outputs.push({ url, ...(FORMATS[ext] ? { format: FORMATS[ext] } : {}), ...(seed !== undefined ? { seed } : {}) });
    const micros = usdToMicros(field(item, "cost"));
    if (micros !== undefined) { cost += micros; costSeen = true; }
  }
  // A task-scoped entry in `errors` ends the whole task; per-image failures only end their image.
  const done = pending === 0 && (errors.length > 0 || outputs.length + failedItems >= (options.expectedImages ?? 1));
  const failedItem = items.find((i) => runwareItemStatus(i) === "failed");
  const code = errors[0]?.code ?? str(field(failedItem, "code"));
  const message = errors[0]?.message ?? str(field(failedItem, "message")) ?? str(field(failedItem, "error"));
  let status: TaskStatus = items.length || errors.length ? "running" : "queued";
  if (done) status = outputs.length ? "succeeded" : "failed";
  return {
    status,
    outputs: status === "succeeded" ? outputs : [],
    ...(costSeen ? { providerCostMicros: cost } : {}),
    ...(status === "failed"
      ? { error: { class: runwareCodeClass(code, message) ?? classifyFailureMessage(message), message: message ?? "Runware reported the task failed" } }
      : {}),
    raw: json,
  };
}
