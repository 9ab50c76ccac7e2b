import { z } from "zod";

// The generation DTO (lib/generations/generation-dto.ts) as a zod schema, for the OpenAPI document. The DTO is built
// by hand from the row, so this schema is checked against real responses: the typed-client test
// (tests/integration/api/openapi-client.test.ts) parses what the running API answers with it.
const iso = z.string().describe("ISO 8601 timestamp");
const nullableIso = iso.nullable();

export const generationAssetResponse = z.object({
  id: z.string(),
  generationId: z.string().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  format: z.string(),
  sha256: z.string(),
  thumbhash: z.string().nullable(),
  favourite: z.boolean(),
  rating: z.number().int().nullable(),
  approvalStatus: z.string(),
  sourceAssetId: z.string().nullable(),
  urls: z.record(z.string(), z.unknown()).describe("Presigned URLs (see AssetUrls)"),
  createdAt: iso,
});

export const generationResponse = z.object({
  id: z.string(),
  projectId: z.string(),
  status: z.enum(["queued", "submitted", "running", "succeeded", "failed", "cancelled"]),
  mode: z.string(),
  model: z.string(),
  provider: z.string(),
  parameters: z.unknown(),
  prompt: z.string(),
  createdById: z.string().nullable(),
  rerunOfId: z.string().nullable(),
  collectionId: z.string().nullable().describe("The collection this generation's outputs join; null when none or since deleted"),
  cost: z.object({ estimatedMicros: z.number().int(), actualMicros: z.number().int().nullable() }).describe("micro-USD"),
  error: z.object({ class: z.string(), message: z.string().nullable() }).nullable(),
  timings: z.object({
    queuedAt: iso,
    submittedAt: nullableIso,
    runningAt: nullableIso,
    succeededAt: nullableIso,
    failedAt: nullableIso,
    cancelledAt: nullableIso,
  }),
  outputs: z.array(
    z.object({ index: z.number().int(), status: z.string(), failureReason: z.string().nullable(), asset: generationAssetResponse.nullable() }),
  ),
  createdAt: iso,
});

export const generationPageResponse = z.object({ data: z.array(generationResponse), nextCursor: z.string().nullable() });
