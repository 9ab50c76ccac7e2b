import { z } from "zod";

// What open studio tabs hear about. Kept small: NOTIFY payloads are capped at 8 kB, and clients re-fetch details.
export const studioEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("generation.status"),
    projectId: z.string(),
    generationId: z.string(),
    status: z.enum(["queued", "submitted", "running", "succeeded", "failed", "cancelled"]),
    at: z.string(),
  }),
  z.object({
    type: z.literal("asset.created"),
    projectId: z.string(),
    generationId: z.string().nullable(),
    assetId: z.string(),
    at: z.string(),
  }),
  // Favourite, rating, approval or tags changed, or assets moved to / out of the trash or were deleted for good: open
  // galleries patch or drop those tiles. `assetIds` is empty when there were too many to fit a NOTIFY (re-read all).
  z.object({
    type: z.literal("asset.changed"),
    projectId: z.string(),
    change: z.enum(["updated", "trashed", "restored", "purged"]),
    assetIds: z.array(z.string()).max(100),
    at: z.string(),
  }),
  z.object({
    type: z.literal("output.failed"),
    projectId: z.string(),
    generationId: z.string(),
    index: z.number(),
    reason: z.string(),
    at: z.string(),
  }),
  // Someone's access may have shrunk (a member removed or demoted, a project restricted or a person taken off it, a
  // key revoked, sessions ended): every open stream of the team (of every team when null) re-checks its caller.
  // Never forwarded to browsers.
  z.object({
    type: z.literal("access.changed"),
    teamId: z.string().nullable(),
    at: z.string(),
  }),
]);

export type StudioEvent = z.infer<typeof studioEvent>;
export const EVENTS_CHANNEL = "studio_events";
