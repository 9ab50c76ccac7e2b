// Turns the studio's generate form into the same request body the REST API takes, so both go through one
// validation path. Empty optional fields are left out so the catalog's defaults apply.
export function formToGenerationRequest(form: FormData) {
  const [model, mode] = String(form.get("entry") ?? "kling-v3|text-to-image").split("|");
  const parameters: Record<string, unknown> = { prompt: String(form.get("prompt") ?? "") };
  const text = (name: string) => {
    const value = String(form.get(name) ?? "").trim();
    if (value) parameters[name] = value;
  };
  text("negative_prompt");
  text("aspect_ratio");
  text("resolution");
  text("output_format");
  const count = String(form.get("num_images") ?? "").trim();
  if (count) parameters.num_images = Number(count);
  const seed = String(form.get("seed") ?? "").trim();
  if (seed) parameters.seed = Number(seed);
  const provider = String(form.get("provider") ?? "").trim();
  const references = form.getAll("referenceAssetId").map((id) => ({ assetId: String(id) }));
  const elementIds = form.getAll("elementId").map(String);
  const collectionId = String(form.get("collectionId") ?? "").trim();
  return { model, mode, ...(provider ? { provider } : {}), parameters, references, ...(elementIds.length ? { elementIds } : {}), ...(collectionId ? { collectionId } : {}) };
}
