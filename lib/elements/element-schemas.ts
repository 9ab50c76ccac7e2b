import { z } from "zod";

// Kling's element library is the strictest receiver of these fields (name ≤ 20 characters, description ≤ 100:
// providers.md §1.4), and an element must work on every provider, so the library keeps to its limits.
export const ELEMENT_KINDS = ["character", "product", "brand", "scene", "style"] as const;
export const ELEMENT_KIND_LABELS: Record<(typeof ELEMENT_KINDS)[number] | "other", string> = {
  character: "Character",
  product: "Product",
  brand: "Brand asset",
  scene: "Scene",
  style: "Style",
  other: "Other",
};
export const MAX_ELEMENT_REFERENCES = 3;

// An image is either one the caller uploaded (the key our upload answered) or an asset from a project's gallery.
export const elementImageInput = z.union(
  [z.object({ uploadKey: z.string().min(1).max(300) }).strict(), z.object({ assetId: z.string().min(1).max(64) }).strict()],
  { error: "Choose an image: upload one or pick it from the gallery." },
);
export type ElementImageInput = z.infer<typeof elementImageInput>;

const name = z.string().trim().min(1, "Give the element a name.").max(20, "At most 20 characters (Kling's limit).");
const description = z.string().trim().max(100, "At most 100 characters (Kling's limit).");

export const createElementInput = z.object({
  name,
  description: description.default(""),
  kind: z.enum(ELEMENT_KINDS, { error: "Choose a kind." }),
  frontal: elementImageInput,
  references: z.array(elementImageInput).max(MAX_ELEMENT_REFERENCES, `At most ${MAX_ELEMENT_REFERENCES} reference images.`).default([]),
});
export type CreateElementInput = z.infer<typeof createElementInput>;

// An edit always makes a new version; images left out keep the current version's.
export const updateElementInput = z.object({
  name: name.optional(),
  description: description.optional(),
  kind: z.enum(ELEMENT_KINDS).optional(),
  frontal: elementImageInput.optional(),
  references: z.array(elementImageInput).max(MAX_ELEMENT_REFERENCES, `At most ${MAX_ELEMENT_REFERENCES} reference images.`).optional(),
});
export type UpdateElementInput = z.infer<typeof updateElementInput>;

export const listElementsQuery = z.object({
  archived: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
});
