import { db } from "@/lib/db";

/** Tag names of each asset, for a page of the gallery in one query (AssetTag's primary key starts with assetId). */
export async function assetTagNames(assetIds: string[]): Promise<Map<string, string[]>> {
  const byAsset = new Map<string, string[]>();
  if (assetIds.length === 0) return byAsset;
  const rows = await db.assetTag.findMany({ where: { assetId: { in: assetIds } }, select: { assetId: true, tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } });
  for (const row of rows) byAsset.set(row.assetId, [...(byAsset.get(row.assetId) ?? []), row.tag.name]);
  return byAsset;
}
