import { describe, expect, it } from "vitest";
import { formToGenerationRequest } from "@/app/(studio)/projects/[projectId]/form-to-request";
import { createGenerationInput } from "@/lib/generations/generation-schemas";

// The generate panel's form → the REST body: elements in the order picked (they are @element1, @element2…) and the
// collection chosen for the outputs; left out when not chosen so the request stays what the API documents.
describe("the generate panel's request", () => {
  it("carries picked elements in order and the collection to send outputs to", () => {
    const form = new FormData();
    form.set("entry", "kling-v3-omni|multi-reference");
    form.set("prompt", "@element1 and @element2 by @image1");
    form.append("referenceAssetId", "ast_1");
    form.append("elementId", "elm_b");
    form.append("elementId", "elm_a");
    form.set("collectionId", "col_1");
    const body = formToGenerationRequest(form);
    expect(body).toMatchObject({ model: "kling-v3-omni", mode: "multi-reference", references: [{ assetId: "ast_1" }], elementIds: ["elm_b", "elm_a"], collectionId: "col_1" });
    expect(createGenerationInput.safeParse(body).success).toBe(true);
  });

  it("leaves both out when none is chosen", () => {
    const form = new FormData();
    form.set("prompt", "a fox");
    form.set("collectionId", "");
    const body = formToGenerationRequest(form);
    expect("elementIds" in body || "collectionId" in body).toBe(false);
    expect(createGenerationInput.parse(body)).toMatchObject({ elementIds: [] });
  });
});
