import { useEffect, useLayoutEffect, useRef } from "react";

// The generate panel's draft, kept per person and project for the tab's life (issue 12 point 3): someone who opens
// Spend or Settings, or reloads, comes back to the prompt and settings they left. sessionStorage, not localStorage:
// a draft can hold an unreleased campaign's prompt, so it leaves with the tab instead of waiting on a shared
// computer for the next person, and two tabs on one project don't overwrite each other's work. The key names the
// user, so a different sign-in in the same tab never sees it; signing out removes every draft (clearGenerateDrafts).

export type GenerateDraft = {
  entryValue: string;
  provider: string;
  prompt: string;
  negative: string;
  aspectRatio: string;
  resolution: string;
  count: string;
  outputFormat: string;
  seed: string;
  seedLocked: boolean;
  references: { assetId: string; thumbUrl: string | null }[];
  elementIds: string[];
  collectionId: string;
};

// Bump when the shape changes: an old draft is then ignored rather than half-applied.
const PREFIX = "studio:generate-draft:v1:";
const draftKey = (userId: string, projectId: string) => `${PREFIX}${userId}:${projectId}`;

const STRINGS = ["entryValue", "provider", "prompt", "negative", "aspectRatio", "resolution", "count", "outputFormat", "seed", "collectionId"] as const;

/** A stored draft, or null when it is missing, unreadable or not this shape (storage is the user's to edit). */
export function parseGenerateDraft(text: string | null): GenerateDraft | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (!STRINGS.every((k) => typeof v[k] === "string") || typeof v.seedLocked !== "boolean") return null;
  if (!Array.isArray(v.elementIds) || !v.elementIds.every((id) => typeof id === "string")) return null;
  if (!Array.isArray(v.references)) return null;
  const references = v.references.filter(
    (r): r is GenerateDraft["references"][number] =>
      !!r && typeof r === "object" && typeof (r as Record<string, unknown>).assetId === "string" &&
      ((r as Record<string, unknown>).thumbUrl === null || typeof (r as Record<string, unknown>).thumbUrl === "string"),
  );
  return { ...(v as GenerateDraft), references };
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage blocked (privacy settings): the panel still works, it just forgets on navigation as before.
    return null;
  }
}

/**
 * Restores the draft before the first paint and saves every change after it. The server's HTML and the hydrating
 * render show the defaults (the server can't read the tab's storage), then a layout effect applies the draft: React
 * commits that update synchronously before the browser paints, so there is no flash of defaults and no hydration
 * mismatch. `restore` is called at most once per mount.
 */
export function useGenerateDraft(options: { userId: string; projectId: string; values: GenerateDraft; restore: (draft: GenerateDraft) => void }) {
  const { userId, projectId, values, restore } = options;
  const restoreRef = useRef(restore);
  // The first render's values are the defaults, not something the user did: they are not worth a write, and writing
  // them would race the restore.
  const skipFirstSave = useRef(true);

  useLayoutEffect(() => {
    restoreRef.current = restore;
  });

  useLayoutEffect(() => {
    const draft = parseGenerateDraft(storage()?.getItem(draftKey(userId, projectId)) ?? null);
    if (draft) restoreRef.current(draft);
  }, [userId, projectId]);

  const serialized = JSON.stringify(values);
  useEffect(() => {
    if (skipFirstSave.current) {
      skipFirstSave.current = false;
      return;
    }
    try {
      storage()?.setItem(draftKey(userId, projectId), serialized);
    } catch {
      // Quota full: keeping the draft is a convenience, never a reason to break the panel.
    }
  }, [userId, projectId, serialized]);
}

/** Forgets every generate draft in this tab (sign-out). */
export function clearGenerateDrafts() {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}
