import { isObject } from "../../core/http";
import type { RunwareIssue } from "./errors";
import { UUID_V4 } from "../../core/ids";

// Runware's Prompt Enhancer utility (docs.runware.ai/en/utilities/prompt-enhancer): `{ taskType: "promptEnhance",
// taskUUID, prompt (1–300 chars), promptMaxLength (12–400, in tokens), promptVersions (1–5), includeCost? }`, answered
// in the same response with one `{ taskType, taskUUID, text, cost? }` per version. The real service rewrites with a
// language model; the simulator appends fixed keyword sets, one per version, cut to the length asked for (a token
// taken as ~4 characters), so answers are stable for tests.
const KEYWORDS = [
  "cinematic lighting, sharp focus, highly detailed",
  "soft natural light, shallow depth of field, editorial photography",
  "dramatic atmosphere, volumetric lighting, studio quality",
  "golden hour, rule of thirds, 35mm film",
  "minimalist composition, clean background, product photography",
];
const COST = 0.0002;

export function promptEnhance(task: Record<string, unknown>): { data?: Record<string, unknown>[]; error?: RunwareIssue } {
  const taskUUID = typeof task.taskUUID === "string" ? task.taskUUID : undefined;
  const issue = (code: string, parameter: string, message: string): { error: RunwareIssue } => ({ error: { code, message, parameter, taskType: "promptEnhance", taskUUID } });
  if (!taskUUID || !UUID_V4.test(taskUUID)) return issue(taskUUID === undefined ? "missingTaskUUID" : "invalidTaskUUID", "taskUUID", "taskUUID must be a UUID v4");
  const { prompt, promptMaxLength, promptVersions } = task;
  if (typeof prompt !== "string" || prompt.length < 1 || prompt.length > 300) return issue(prompt === undefined ? "missingPrompt" : "invalidPrompt", "prompt", "prompt must be a string of 1 to 300 characters");
  if (!Number.isInteger(promptMaxLength) || (promptMaxLength as number) < 12 || (promptMaxLength as number) > 400)
    return issue(promptMaxLength === undefined ? "missingPromptMaxLength" : "invalidPromptMaxLength", "promptMaxLength", "promptMaxLength must be an integer from 12 to 400");
  if (!Number.isInteger(promptVersions) || (promptVersions as number) < 1 || (promptVersions as number) > 5)
    return issue(promptVersions === undefined ? "missingPromptVersions" : "invalidPromptVersions", "promptVersions", "promptVersions must be an integer from 1 to 5");
  const maxChars = (promptMaxLength as number) * 4;
  return {
    data: KEYWORDS.slice(0, promptVersions as number).map((keywords) => ({
      taskType: "promptEnhance",
      taskUUID,
      text: `${prompt}, ${keywords}`.slice(0, Math.max(prompt.length, maxChars)),
      ...(isObject(task) && task.includeCost === true ? { cost: COST } : {}),
    })),
  };
}
