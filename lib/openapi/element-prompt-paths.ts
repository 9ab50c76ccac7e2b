import { z } from "zod";
import { createElementInput, listElementsQuery, updateElementInput } from "@/lib/elements/element-schemas";
import { enhancePromptInput, listPromptsQuery, savePromptInput, updatePromptInput } from "@/lib/prompts/prompt-schemas";

// The element library and prompt library routes (issue 14 items 1–2), from the schemas the routes parse with; kept
// apart from build-openapi.ts so each area's paths live beside each other.
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const body = (s: z.ZodType) => ({ content: { "application/json": { schema: schema(s) } } });
const params = (...names: string[]) => names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
const query = (s: z.ZodType) =>
  Object.entries((schema(s) as { properties: Record<string, unknown> }).properties).map(([name, p]) => ({ name, in: "query", required: false, schema: p }));
const error = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const errors = Object.fromEntries([400, 401, 403, 404, 409, 413, 415, 422].map((status) => [status, error]));
const ok = (description: string) => ({ 200: { description }, ...errors });

export function elementAndPromptPaths() {
  return {
    "/api/v1/teams/{teamId}/elements": {
      get: { summary: "The element library (?archived=true for the archive), each with its current version's image URLs and usage count", parameters: [...params("teamId"), ...query(listElementsQuery)], responses: ok("{ data: Element[] }") },
      post: { summary: "Create an element (version 1); images are `{ uploadKey }` from the upload route or `{ assetId }` from a readable project", parameters: params("teamId"), requestBody: body(createElementInput), responses: { 201: { description: "Element" }, ...errors } },
    },
    "/api/v1/teams/{teamId}/elements/uploads": {
      post: {
        summary: "Upload one element image: multipart/form-data with `file` (JPEG or PNG, ≤ 10 MB, ≥ 300 px, aspect 1:2.5–2.5:1)",
        parameters: params("teamId"),
        requestBody: { content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } } } },
        responses: { 201: { description: "{ uploadKey, width, height }" }, ...errors },
      },
    },
    "/api/v1/teams/{teamId}/elements/{elementId}": {
      get: { summary: "An element with every version, usage per version and the newest images made with each", parameters: params("teamId", "elementId"), responses: ok("ElementDetail") },
      patch: { summary: "Edit an element: always a new version; generations keep the version they used", parameters: params("teamId", "elementId"), requestBody: body(updateElementInput), responses: ok("ElementDetail") },
    },
    "/api/v1/teams/{teamId}/elements/{elementId}/archive": {
      post: { summary: "Archive ({ archived: true }) or restore ({ archived: false }) an element", parameters: params("teamId", "elementId"), responses: ok("{ id, archivedAt }") },
    },
    "/api/v1/teams/{teamId}/prompts": {
      get: { summary: "Prompt templates: team-wide and the caller's projects' (?projectId= for one project's)", parameters: [...params("teamId"), ...query(listPromptsQuery)], responses: ok("{ data: Prompt[] } with each template's `variables`") },
      post: { summary: "Save a prompt with its parameters as a named template ({variables} filled in at use)", parameters: params("teamId"), requestBody: body(savePromptInput), responses: { 201: { description: "Prompt" }, ...errors } },
    },
    "/api/v1/teams/{teamId}/prompts/{promptId}": {
      get: { summary: "One template", parameters: params("teamId", "promptId"), responses: ok("Prompt") },
      patch: { summary: "Change a template", parameters: params("teamId", "promptId"), requestBody: body(updatePromptInput), responses: ok("Prompt") },
      delete: { summary: "Delete a template", parameters: params("teamId", "promptId"), responses: ok("{ ok: true }") },
    },
    "/api/v1/teams/{teamId}/prompts/recent": {
      get: { summary: "The caller's recent prompts with the model and parameters they last used", parameters: [...params("teamId"), ...query(listPromptsQuery)], responses: ok("{ data: { prompt, model, parameters, projectId, usedAt }[] }") },
    },
    "/api/v1/teams/{teamId}/prompts/enhance": {
      post: { summary: "The built-in enhancer's suggestion (deterministic: the same prompt always gives the same answer) with a word diff", parameters: params("teamId"), requestBody: body(enhancePromptInput), responses: ok("{ prompt, additions, diff }") },
    },
    "/api/v1/teams/{teamId}/prompts/provider-enhance": {
      post: {
        summary: "Suggestions from a provider's own prompt enhancer (Runware's promptEnhance), called with the team's key",
        parameters: params("teamId"),
        requestBody: { content: { "application/json": { schema: { type: "object", required: ["provider", "prompt"], properties: { provider: { type: "string" }, prompt: { type: "string", maxLength: 300 } } } } } },
        responses: { ...ok("{ provider, suggestions: string[] }"), 502: error },
      },
    },
  };
}
