// POST /api/v1/collections/:collectionId/assets - add and remove images of the collection's project (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withCollection } from "@/lib/http/with-collection";
import { collectAssetsInput } from "@/lib/collections/collection-schemas";
import { collectAssets } from "@/lib/collections/collect-assets";

export const POST = withCollection("asset.edit", async ({ request, collection }) => {
  const input = collectAssetsInput.parse(await readJson(request));
  return json(await collectAssets({ collection, add: input.add, remove: input.remove }));
});
