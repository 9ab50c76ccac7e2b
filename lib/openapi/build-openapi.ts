import { z } from "zod";
import { createGenerationInput, listGenerationsQuery, rerunGenerationInput } from "@/lib/generations/generation-schemas";
import { createProjectInput, projectDto } from "@/lib/projects/project-schemas";
import { setBudgetInput } from "@/lib/spend/budget-schemas";
import { setSpendCapInput } from "@/lib/spend/spend-cap-schemas";
import { SPEND_GROUPS } from "@/lib/spend/spend-query-schemas";
import { v3TextToImageSchema, v3EditSchema, o3Schema } from "@/lib/kling/param-schemas";
import { generationPageResponse, generationResponse } from "@/lib/openapi/generation-response";
import { teamPaths, teamSchemas } from "@/lib/openapi/team-paths";
import { reviewPaths, reviewSchemas } from "@/lib/openapi/review-paths";
import { spendAlertPaths, spendAlertSchemas } from "@/lib/openapi/spend-alert-paths";
import { elementAndPromptPaths } from "@/lib/openapi/element-prompt-paths";
import { createUploadInput } from "@/lib/uploads/upload-schemas";
import { bulkAssetsInput, downloadQuery, imageQuery, listAssetsQuery, tagAssetInput, updateAssetInput, zipAssetsInput } from "@/lib/assets/asset-schemas";

// The OpenAPI document is generated from the same zod schemas the routes parse with, so it cannot drift from
// what the API accepts.
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const errorBody = {
  type: "object",
  required: ["error"],
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
const queryOf = (s: z.ZodType) =>
  Object.entries((schema(s) as { properties: Record<string, unknown> }).properties).map(([name, p]) => ({ name, in: "query", required: false, schema: p }));
const queryParams = queryOf(listGenerationsQuery);
const day = (name: string, description: string) => ({ name, in: "query", required: false, schema: { type: "string", format: "date" }, description });
const range = [day("from", "first UTC day (default: the 1st of this month)"), day("to", "last UTC day, inclusive (default: today)")];
const spendQuery = [...range, { name: "groupBy", in: "query", required: false, schema: { type: "string", enum: [...SPEND_GROUPS], default: "day" } }];
const csvQuery = (team: boolean) => [
  ...range,
  ...(team ? [{ name: "projectId", in: "query", required: false, schema: { type: "string" } }] : []),
  { name: "userId", in: "query", required: false, schema: { type: "string" } },
  { name: "model", in: "query", required: false, schema: { type: "string" } },
  { name: "provider", in: "query", required: false, schema: { type: "string", enum: ["kling", "wavespeed", "runware", "segmind", "fal"] } },
  { name: "bom", in: "query", required: false, schema: { type: "string", enum: ["0", "1"] }, description: "1: start with a UTF-8 byte-order mark (Excel)" },
];
const csv = { description: "text/csv, streamed", content: { "text/csv": { schema: { type: "string" } } } };
const SCOPE_NOTE =
  "Sessions need an owner's or admin's role. API keys act as viewers or editors, so reading spend needs the key's `spend:read` scope, setting budgets and caps its `budgets:write` scope and setting spend alerts (settings, webhook secret, test) its `alerts:write` scope (read-write keys); team-wide routes take scoped keys for every project only, a project-limited key uses its projects' routes. A scope never goes beyond the key creator's current role.";
const SPEND_DESCRIPTION =
  "Every figure is an aggregate over the ledger (micro-USD): `spentMicros` is settled costs plus reservations still open. `totals` has images, cost per image, failed and refunded counts and cost per approved asset (spend ÷ assets approved in the range); `monthToDate` has this month's spend, the monthly limits and a straight-line projection to month end. Grouped by element, a generation counts under each element it used. `priceCheck` lists the generations settled in the range whose provider-reported cost (Runware `cost`, Segmind `metrics.cost`, Kling units) differs from our price table: `count`, summed `differenceMicros`, and the newest 50 `rows` ({ generationId, projectId, projectName, model, provider, resolution, listMicros, providerMicros, differenceMicros, settledAt }). " + SCOPE_NOTE;
const CSV_DESCRIPTION =
  "RFC 4180 with CRLF, ISO 8601 UTC timestamps, money as exact decimal USD and integer micro-USD columns. Streamed a page at a time, so any size downloads with flat memory. " + SCOPE_NOTE;
const urls = {
  type: "object",
  description: "Presigned URLs, identical for every request within a signing window (ASSET_URL_WINDOW_SECONDS) so browsers cache them, valid until `expiresAt`. `routes` never expire: each redirects (302) to the current window's URL.",
  properties: {
    original: { type: "string" }, download: { type: "string" }, thumbSmall: { type: "string" }, thumbLarge: { type: "string" }, expiresAt: { type: "string", format: "date-time" },
    routes: { type: "object", properties: { original: { type: "string" }, thumbSmall: { type: "string" }, thumbLarge: { type: "string" }, download: { type: "string" } } },
  },
};
const galleryAsset = {
  type: "object",
  properties: {
    id: { type: "string" }, projectId: { type: "string" }, generationId: { type: ["string", "null"] }, createdById: { type: ["string", "null"] },
    width: { type: "integer" }, height: { type: "integer" }, bytes: { type: "integer" }, format: { type: "string" },
    thumbhash: { type: ["string", "null"], description: "base64 ThumbHash placeholder" },
    favourite: { type: "boolean" }, rating: { type: ["integer", "null"], minimum: 1, maximum: 5 },
    approvalStatus: { type: "string", enum: ["none", "pending", "approved", "rejected"] }, tags: { type: "array", items: { type: "string" } },
    deletedAt: { type: ["string", "null"], format: "date-time", description: "set while the asset is in the trash" },
    sourceAssetId: { type: ["string", "null"] },
    recipe: {
      type: "object",
      properties: { prompt: { type: "string" }, model: { type: ["string", "null"] }, provider: { type: ["string", "null"] }, aspectRatio: { type: ["string", "null"] }, resolution: { type: ["string", "null"] }, mode: { type: ["string", "null"] }, seed: { type: ["integer", "null"], description: "the seed the provider reports it made this image with; where it reports none, the seed the request asked for (null: random)" } },
    },
    urls: { $ref: "#/components/schemas/AssetUrls" },
    createdAt: { type: "string", format: "date-time" },
  },
};

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
        SetSpendCap: schema(setSpendCapInput),
        Project: z.toJSONSchema(projectDto),
        ProjectList: z.toJSONSchema(z.object({ data: z.array(projectDto) })),
        Generation: z.toJSONSchema(generationResponse, { unrepresentable: "any" }),
        GenerationPage: z.toJSONSchema(generationPageResponse, { unrepresentable: "any" }),
        ...teamSchemas,
        ...reviewSchemas,
        ...spendAlertSchemas,
        KlingV3TextToImageParameters: schema(v3TextToImageSchema),
        KlingV3EditParameters: schema(v3EditSchema),
        KlingO3Parameters: schema(o3Schema),
        AssetUrls: urls,
        GalleryAsset: galleryAsset,
        AssetPage: {
          type: "object",
          properties: { data: { type: "array", items: { $ref: "#/components/schemas/GalleryAsset" } }, nextCursor: { type: ["string", "null"], description: "pass as `cursor` for the next page; null on the last" } },
        },
        AssetDetail: {
          allOf: [{ $ref: "#/components/schemas/GalleryAsset" }],
          description: "Plus `collectionIds` (the hand-picked collections it is in), `createdBy`, `generation` (prompt, negativePrompt, parameters, seed (requested), outputSeed (reported by the provider for this image), model, provider, mode, references, elements (the versions used and each element's current version), cost, timings) and `lineage` ({ sources, derived } as GalleryAsset lists, within the asset's project).",
        },
        UpdateAsset: schema(updateAssetInput),
        TagAsset: schema(tagAssetInput),
        BulkAssets: schema(bulkAssetsInput),
        ZipAssets: schema(zipAssetsInput),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/teams/{teamId}/projects": {
        get: { summary: "List the team's projects", parameters: params("teamId"), responses: { 200: { description: "Projects", ...json("ProjectList") }, ...errors } },
        post: { summary: "Create a project", parameters: params("teamId"), requestBody: json("CreateProject"), responses: { 201: { description: "Created", ...json("Project") }, ...errors } },
      },
      "/api/v1/projects/{projectId}/generations": {
        post: {
          summary: "Submit a generation",
          description: "`parameters` follow the model's schema (KlingV3TextToImageParameters, KlingV3EditParameters, KlingO3Parameters). Send an `Idempotency-Key` header to make retries safe.",
          parameters: [...params("projectId"), { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string" } }],
          requestBody: json("CreateGeneration"),
          responses: { 202: { description: "Queued", ...json("Generation") }, 200: { description: "Replay of an earlier request with the same Idempotency-Key", ...json("Generation") }, ...errors },
        },
        get: { summary: "List generations", parameters: [...params("projectId"), ...queryParams], responses: { 200: { description: "A page of generations", ...json("GenerationPage") }, ...errors } },
      },
      "/api/v1/projects/{projectId}": { get: { summary: "One project", parameters: params("projectId"), responses: { 200: { description: "Project", ...json("Project") }, ...errors } } },
      "/api/v1/generations/{generationId}": { get: { summary: "One generation", parameters: params("generationId"), responses: { 200: { description: "Generation", ...json("Generation") }, ...errors } } },
      "/api/v1/generations/{generationId}/cancel": { post: { summary: "Cancel", parameters: params("generationId"), responses: { 200: { description: "Cancelled", ...json("Generation") }, ...errors } } },
      "/api/v1/generations/{generationId}/rerun": {
        post: {
          summary: "Run again",
          parameters: [...params("generationId"), { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string" } }],
          requestBody: json("RerunGeneration"),
          responses: { 202: { description: "Queued", ...json("Generation") }, 200: { description: "Replay", ...json("Generation") }, ...errors },
        },
      },
      "/api/v1/openapi.json": { get: { summary: "This document", security: [], responses: { 200: { description: "OpenAPI 3.1 document" } } } },
      ...teamPaths(errors),
      ...reviewPaths(errors),
      ...spendAlertPaths(errors),
      "/api/v1/projects/{projectId}/budget": {
        get: { summary: "Budgets and spend this period", description: SCOPE_NOTE, parameters: params("projectId"), responses: { 200: { description: "Budgets" }, ...errors } },
        put: { summary: "Set soft and hard limits (micro-USD)", description: SCOPE_NOTE, parameters: params("projectId"), requestBody: json("SetBudget"), responses: { 200: { description: "Budget" }, ...errors } },
      },
      "/api/v1/teams/{teamId}/spend": {
        get: { summary: "The team's spend for a range, grouped (owners and admins; keys with spend:read)", description: SPEND_DESCRIPTION, parameters: [...params("teamId"), ...spendQuery], responses: { 200: { description: "{ range, groupBy, totals, groups, monthToDate, priceCheck }" }, ...errors } },
      },
      "/api/v1/projects/{projectId}/spend": {
        get: { summary: "The project's spend for a range, grouped (owners and admins; keys with spend:read)", description: SPEND_DESCRIPTION, parameters: [...params("projectId"), ...spendQuery], responses: { 200: { description: "{ range, groupBy, totals, groups, monthToDate, priceCheck }" }, ...errors } },
      },
      "/api/v1/teams/{teamId}/spend/ledger.csv": { get: { summary: "The ledger as CSV, streamed", description: CSV_DESCRIPTION, parameters: [...params("teamId"), ...csvQuery(true)], responses: { 200: csv, ...errors } } },
      "/api/v1/teams/{teamId}/spend/generations.csv": { get: { summary: "Per-generation costs as CSV, streamed", description: CSV_DESCRIPTION, parameters: [...params("teamId"), ...csvQuery(true)], responses: { 200: csv, ...errors } } },
      "/api/v1/projects/{projectId}/spend/ledger.csv": { get: { summary: "The project's ledger as CSV, streamed", description: CSV_DESCRIPTION, parameters: [...params("projectId"), ...csvQuery(false)], responses: { 200: csv, ...errors } } },
      "/api/v1/projects/{projectId}/spend/generations.csv": { get: { summary: "The project's per-generation costs as CSV, streamed", description: CSV_DESCRIPTION, parameters: [...params("projectId"), ...csvQuery(false)], responses: { 200: csv, ...errors } } },
      "/api/v1/teams/{teamId}/spend-caps": {
        get: { summary: "The team's monthly limit and members' caps, each with this month's spend", description: SCOPE_NOTE, parameters: params("teamId"), responses: { 200: { description: "{ data: [{ id, userId, projectId, period, softLimitMicros, hardLimitMicros, spentMicros }] }" }, ...errors } },
        put: { summary: "Set the team's monthly limit (no userId) or a member's cap, team-wide or in one project (micro-USD)", description: SCOPE_NOTE, parameters: params("teamId"), requestBody: json("SetSpendCap"), responses: { 200: { description: "Cap" }, ...errors } },
        delete: {
          summary: "Remove the team's limit (no userId) or a member's cap",
          description: SCOPE_NOTE,
          parameters: [...params("teamId"), { name: "userId", in: "query", required: false, schema: { type: "string" } }, { name: "projectId", in: "query", required: false, schema: { type: "string" } }],
          responses: { 204: { description: "Removed" }, ...errors },
        },
      },
      "/api/v1/projects/{projectId}/assets": {
        get: {
          summary: "The project's gallery: a keyset page of assets",
          description: "Newest first by default (`sort=oldest|rating`). Pages are keyset-paginated on (createdAt, id): follow `nextCursor` (only valid with the same sort); pages never skip or repeat assets as new ones arrive. Trashed assets only with `trash=true` (or `status=trashed`). `q` searches prompts (substring, case-insensitive). `limit` at most 200.",
          parameters: [...params("projectId"), ...queryOf(listAssetsQuery)],
          responses: { 200: { description: "A page of assets", ...json("AssetPage") }, ...errors },
        },
      },
      "/api/v1/projects/{projectId}/assets/bulk": {
        post: { summary: "One action over up to 500 assets of the project (all or none)", parameters: params("projectId"), requestBody: json("BulkAssets"), responses: { 200: { description: "{ action, updated }" }, ...errors } },
      },
      "/api/v1/projects/{projectId}/assets/zip": {
        post: {
          summary: "Download up to 500 originals as a ZIP, streamed as it is built",
          description: "JSON `{ assetIds }`, or a form post with `assetIds` fields so a browser saves the stream directly. Any member may download.",
          parameters: params("projectId"),
          requestBody: json("ZipAssets"),
          responses: { 200: { description: "application/zip", content: { "application/zip": {} } }, ...errors },
        },
      },
      "/api/v1/assets/{assetId}": {
        get: { summary: "One asset with its whole recipe and lineage", parameters: params("assetId"), responses: { 200: { description: "The asset", ...json("AssetDetail") }, ...errors } },
        patch: { summary: "Favourite, rate (1–5; 0 or null clears), approve or reject", parameters: params("assetId"), requestBody: json("UpdateAsset"), responses: { 200: { description: "The asset", ...json("AssetDetail") }, ...errors } },
        delete: {
          summary: "Move to the trash; `?permanent=true` deletes a trashed asset for good (its S3 objects too, unless another asset shares them)",
          parameters: [...params("assetId"), { name: "permanent", in: "query", required: false, schema: { type: "boolean" } }],
          responses: { 200: { description: "Trashed or deleted" }, ...errors },
        },
      },
      "/api/v1/assets/{assetId}/restore": { post: { summary: "Take an asset out of the trash", parameters: params("assetId"), responses: { 200: { description: "Restored" }, ...errors } } },
      "/api/v1/assets/{assetId}/tags": { post: { summary: "Add and remove tags by name", parameters: params("assetId"), requestBody: json("TagAsset"), responses: { 200: { description: "{ id, tags }" }, ...errors } } },
      "/api/v1/assets/{assetId}/image": {
        get: {
          summary: "Redirect (302) to the image's presigned URL of the current signing window",
          description: "Stable for a window, so an `<img>` pointed here is cached and never breaks while a tab stays open.",
          parameters: [...params("assetId"), ...queryOf(imageQuery)],
          responses: { 302: { description: "Location: presigned URL" }, ...errors },
        },
      },
      "/api/v1/assets/{assetId}/download": {
        get: {
          summary: "Download the original (302 to S3), or a PNG / JPEG / WebP converted by the server at a chosen size",
          parameters: [...params("assetId"), ...queryOf(downloadQuery)],
          responses: { 200: { description: "The converted image as an attachment" }, 302: { description: "The original" }, ...errors },
        },
      },
      "/api/v1/projects/{projectId}/uploads": {
        post: {
          summary: "Sign a browser upload of one reference image (presigned POST straight to storage; PNG or JPEG, at most 10 MB)",
          description: "POST the returned `fields` and then the `file` as multipart/form-data to `url`, then complete the upload.",
          parameters: params("projectId"),
          requestBody: { content: { "application/json": { schema: schema(createUploadInput) } } },
          responses: { 201: { description: "`{ uploadId, url, fields, maxBytes, expiresInSeconds }`" }, ...errors },
        },
      },
      "/api/v1/projects/{projectId}/uploads/{uploadId}": {
        post: {
          summary: "Check the uploaded image against the providers' input rules and make it an asset (usable as a reference by id)",
          parameters: params("projectId", "uploadId"),
          responses: { 201: { description: "`{ assetId, width, height, thumbUrl }`" }, ...errors },
        },
      },
      "/api/v1/projects/{projectId}/budget/headroom": {
        get: {
          summary: "What may still be spent before a hard budget limit refuses a generation (`headroom: null` when nothing limits it)",
          parameters: params("projectId"),
          responses: { 200: { description: "`{ headroom: { remainingMicros, hardLimitMicros, period } | null }`" }, ...errors },
        },
      },
      "/api/v1/assets/{assetId}/neighbours": {
        get: {
          summary: "The previous and next asset in the gallery's order under the same filters and sort as the asset list",
          parameters: [...params("assetId"), ...queryOf(listAssetsQuery.omit({ cursor: true, limit: true }))],
          responses: {
            200: { description: "`{ previous, next }`: asset ids or null at either end", content: { "application/json": { schema: { type: "object", properties: { previous: { type: ["string", "null"] }, next: { type: ["string", "null"] } } } } } },
            ...errors,
          },
        },
      },
      "/api/v1/projects/{projectId}/events": {
        get: { summary: "Server-Sent Events: generation.status, asset.created, asset.changed, output.failed, resync", parameters: params("projectId"), responses: { 200: { description: "text/event-stream" } } },
      },
      ...elementAndPromptPaths(),
    },
  };
}
