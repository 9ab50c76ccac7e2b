// PATCH /api/v1/collections/:collectionId - rename, move in or out of a top-level collection, or re-save a smart query (editor and above)
// DELETE /api/v1/collections/:collectionId - delete it and those inside it; the images stay (editor and above)
import { json } from "@/lib/http/respond";
import { readJson } from "@/lib/http/read-json";
import { withCollection } from "@/lib/http/with-collection";
import { updateCollectionInput } from "@/lib/collections/collection-schemas";
import { updateCollection } from "@/lib/collections/update-collection";
import { deleteCollection } from "@/lib/collections/delete-collection";

export const PATCH = withCollection("asset.edit", async ({ request, collection }) => {
  const input = updateCollectionInput.parse(await readJson(request));
  return json(await updateCollection({ collection, input }));
});

export const DELETE = withCollection("asset.edit", async ({ collection }) => json(await deleteCollection({ collection })));
