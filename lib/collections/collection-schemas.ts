import { z } from "zod";
import { listAssetsQuery } from "@/lib/assets/asset-schemas";

// Collections inside a project: hand-picked (assets added and removed) or smart (a saved gallery query that stays
// current). One level of nesting: a collection may sit inside a top-level one, not deeper.

/** What a smart collection stores: the gallery's filters and sort, without paging. */
export const smartFilter = listAssetsQuery.omit({ cursor: true, limit: true, collection: true }).strict();
export type SmartFilter = z.infer<typeof smartFilter>;

const name = z.string().trim().min(1, "Give it a name.").max(100, "At most 100 characters.");

export const createCollectionInput = z.object({
  name,
  /** A top-level collection of the same project to nest this one in. */
  parentId: z.string().min(1).max(100).nullable().optional(),
  /** Makes it a smart collection. */
  filter: smartFilter.optional(),
});
export type CreateCollectionInput = z.infer<typeof createCollectionInput>;

export const updateCollectionInput = z
  .object({ name: name.optional(), parentId: z.string().min(1).max(100).nullable().optional(), filter: smartFilter.optional() })
  .refine((v) => v.name !== undefined || v.parentId !== undefined || v.filter !== undefined, "Nothing to change.");
export type UpdateCollectionInput = z.infer<typeof updateCollectionInput>;

export const collectAssetsInput = z
  .object({ add: z.array(z.string().min(1).max(100)).max(500).default([]), remove: z.array(z.string().min(1).max(100)).max(500).default([]) })
  .refine((v) => v.add.length + v.remove.length > 0, "Nothing to change.");

export type CollectionDto = {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  smart: boolean;
  filter: SmartFilter | null;
  /** Hand-picked: assets in it (live ones). Smart: null — it is whatever matches now (open it to see). */
  assetCount: number | null;
  createdAt: string;
};

/**
 * How a smart query is stored: the gallery's own query-string form (flags as "true"/"false"), so reading it back is
 * the same parse a gallery URL gets, and it can be turned into that URL as it is.
 */
export function storedFilter(filter: SmartFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
}
