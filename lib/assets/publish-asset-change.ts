import { publishEvent } from "@/lib/events/publish-event";

// Ids per event: 100 × ~30 bytes stays far below NOTIFY's 8 kB payload cap.
const MAX_IDS = 100;

/**
 * Tells open galleries that these assets changed (after the write committed). A bulk change of more than MAX_IDS
 * assets goes out without ids: the gallery re-reads instead of patching.
 */
export async function publishAssetChange(assets: { id: string; projectId: string }[], change: "updated" | "trashed" | "restored" | "purged") {
  const byProject = new Map<string, string[]>();
  for (const a of assets) byProject.set(a.projectId, [...(byProject.get(a.projectId) ?? []), a.id]);
  for (const [projectId, ids] of byProject) {
    await publishEvent({ type: "asset.changed", projectId, change, assetIds: ids.length <= MAX_IDS ? ids : [] });
  }
}
