import { classifyFailureMessage } from "@/lib/providers/classify-failure";
import { field, str } from "@/lib/providers/http";
import { undocumentedStatus } from "@/lib/providers/undocumented-status";
import type { StatusResult, TaskStatus } from "@/lib/providers/types";

// Kling task object (query `data`, or the callback body) → StatusResult (providers.md §1.7–1.8).
const STATUS: Record<string, TaskStatus> = { submitted: "queued", processing: "running", succeed: "succeeded", failed: "failed" };

export function klingStatus(value: unknown): TaskStatus | undefined {
  return typeof value === "string" && Object.hasOwn(STATUS, value) ? STATUS[value] : undefined;
}

/**
 * `microsPerUnit` converts final_unit_deduction (resource-pack units) to money; the rate depends on the pack the
 * account bought, so without it no provider cost is reported and the caller keeps the list-price estimate.
 */
export function parseKlingTask(task: unknown, options: { microsPerUnit?: number } = {}): StatusResult {
  const word = field(task, "task_status");
  const status = klingStatus(word);
  if (!status) return undocumentedStatus("kling", word, task);
  const urls = new Set<string>();
  // O3 series results may arrive in series_images instead of (or beside) images (providers.md §1.7).
  for (const key of ["images", "series_images"]) {
    const list = field(task, "task_result", key);
    if (Array.isArray(list)) for (const item of list) { const url = str(field(item, "url")); if (url) urls.add(url); }
  }
  const units = Number(field(task, "final_unit_deduction"));
  const providerCostMicros =
    options.microsPerUnit !== undefined && Number.isFinite(units) && units >= 0 && field(task, "final_unit_deduction") !== undefined
      ? Math.round(units * options.microsPerUnit)
      : undefined;
  const message = str(field(task, "task_status_msg"));
  return {
    status,
    outputs: status === "succeeded" ? [...urls].map((url) => ({ url })) : [],
    ...(providerCostMicros !== undefined ? { providerCostMicros } : {}),
    ...(status === "failed" ? { error: { class: classifyFailureMessage(message), message: message ?? "Kling reported the task failed" } } : {}),
    raw: task,
  };
}
