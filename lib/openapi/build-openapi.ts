import { z } from "zod";
import { createGenerationInput, listGenerationsQuery, rerunGenerationInput } from "@/lib/generations/generation-schemas";
import { createProjectInput, projectDto } from "@/lib/projects/project-schemas";
import { setBudgetInput } from "@/lib/spend/budget-schemas";
import { v3TextToImageSchema, v3EditSchema, o3Schema } from "@/lib/kling/param-schemas";

// The OpenAPI document is generated from the same zod schemas the routes parse with, so it cannot drift from
// what the API accepts.
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const errorBody = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
    },
  },
};
const errors = Object.fromEntries(
  [400, 401, 402, 403, 404, 409, 422, 429].map((status) => [status, { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
);
const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const params = (...names: string[]) => names.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
const queryParams = Object.entries((schema(listGenerationsQuery) as { properties: Record<string, unknown> }).properties).map(([name, s]) => ({
  name,
  in: "query",
  required: false,
  schema: s,
}));

export function buildOpenApi(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Asset Studio API", version: "1", description: "Authenticate with a session cookie or `Authorization: Bearer <API key>`." },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: errorBody,
        CreateGeneration: schema(createGenerationInput),
        RerunGeneration: schema(rerunGenerationInput),
        CreateProject: schema(createProjectInput),
        SetBudget: schema(setBudgetInput),
        Project: z.toJSONSchema(projectDto),
        KlingV3TextToImageParameters: schema(v3TextToImageSchema),
        KlingV3EditParameters: schema(v3EditSchema),
        KlingO3Parameters: schema(o3Schema),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/teams/{teamId}/projects": {
        get: { summary: "List the team's projects", parameters: params("teamId"), responses: { 200: { description: "Projects" }, ...errors } },
        post: { summary: "Create a project", parameters: params("teamId"), requestBody: json("CreateProject"), responses: { 201: json("Project"), ...errors } },
      },
      "/api/v1/projects/{projectId}/generations": {
        post: {
          summary: "Submit a generation",
          description: "`parameters` follow the model's schema (KlingV3TextToImageParameters, KlingV3EditParameters, KlingO3Parameters). Send an `Idempotency-Key` header to make retries safe.",
          parameters: [...params("projectId"), { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string" } }],
          requestBody: json("CreateGeneration"),
          responses: { 202: { description: "Queued" }, 200: { description: "Replay of an earlier request with the same Idempotency-Key" }, ...errors },
        },
        get: { summary: "List generations", parameters: [...params("projectId"), ...queryParams], responses: { 200: { description: "A page of generations" }, ...errors } },
      },
      "/api/v1/generations/{generationId}": { get: { summary: "One generation", parameters: params("generationId"), responses: { 200: { description: "Generation" }, ...errors } } },
      "/api/v1/generations/{generationId}/cancel": { post: { summary: "Cancel", parameters: params("generationId"), responses: { 200: { description: "Cancelled" }, ...errors } } },
      "/api/v1/generations/{generationId}/rerun": {
        post: { summary: "Run again", parameters: params("generationId"), requestBody: json("RerunGeneration"), responses: { 202: { description: "Queued" }, ...errors } },
      },
      "/api/v1/projects/{projectId}/budget": {
        get: { summary: "Budgets and spend this period", parameters: params("projectId"), responses: { 200: { description: "Budgets" }, ...errors } },
        put: { summary: "Set soft and hard limits (micro-USD)", parameters: params("projectId"), requestBody: json("SetBudget"), responses: { 200: { description: "Budget" }, ...errors } },
      },
      "/api/v1/projects/{projectId}/events": {
        get: { summary: "Server-Sent Events: generation.status, asset.created, output.failed", parameters: params("projectId"), responses: { 200: { description: "text/event-stream" } } },
      },
    },
  };
}
