import { describe, expect, it } from "vitest";
import { checkInputImage } from "@/lib/kling/input-image";
import { checkGenerationInputs, type ElementInput } from "@/lib/kling/inputs";
import { checkPromptReferences, nameElementsInPrompt, rewritePromptReferences } from "@/lib/kling/prompt-references";

const image = (n: number) => ({ url: `https://cdn.example/${n}.png` });
const element = (extra: Partial<ElementInput> = {}): ElementInput => ({ frontalImageUrl: "https://cdn.example/f.png", ...extra });

describe("checkInputImage", () => {
  const ok = { format: "png", bytes: 2_000_000, width: 1024, height: 768 };
  it("accepts jpg/jpeg/png at the limits", () => {
    for (const format of ["png", "jpg", "jpeg", "image/jpeg", "image/png", "JPG"]) expect(checkInputImage({ ...ok, format })).toBeNull();
    expect(checkInputImage({ ...ok, bytes: 10_000_000 })).toBeNull();
    expect(checkInputImage({ ...ok, width: 300, height: 300 })).toBeNull();
    expect(checkInputImage({ ...ok, width: 750, height: 300 })).toBeNull(); // exactly 2.5:1
    expect(checkInputImage({ ...ok, width: 300, height: 750 })).toBeNull(); // exactly 1:2.5
  });
  it("names each broken rule", () => {
    expect(checkInputImage({ ...ok, format: "webp" })).toEqual({ format: expect.stringMatching(/JPEG or PNG/) });
    expect(checkInputImage({ ...ok, bytes: 10_000_001 })).toEqual({ bytes: expect.stringMatching(/10 MB/) });
    expect(checkInputImage({ ...ok, width: 299 })).toEqual({ dimensions: expect.stringMatching(/300 px/) });
    expect(checkInputImage({ ...ok, width: 751, height: 300 })).toEqual({ aspect_ratio: expect.stringMatching(/1:2.5 and 2.5:1/) });
    expect(checkInputImage({ ...ok, width: 300, height: 760 })).toEqual({ aspect_ratio: expect.any(String) });
    expect(Object.keys(checkInputImage({ format: "gif", bytes: 0, width: 10, height: 10 }) ?? {}).sort()).toEqual(["bytes", "dimensions", "format"]);
  });
});

describe("checkGenerationInputs", () => {
  const check = (mode: "text-to-image" | "edit" | "multi-reference", images: { url: string }[], elements: ElementInput[] = [], prompt?: string) =>
    checkGenerationInputs({ model: mode === "multi-reference" ? "kling-v3-omni" : "kling-v3", mode, inputs: { images, elements }, prompt });

  it("text-to-image takes nothing, edit exactly one image", () => {
    expect(check("text-to-image", [])).toBeNull();
    expect(check("text-to-image", [image(1)])).toEqual({ images: expect.any(String) });
    expect(check("edit", [image(1)])).toBeNull();
    expect(check("edit", [])).toEqual({ images: expect.stringMatching(/exactly one/) });
    expect(check("edit", [image(1), image(2)])).toEqual({ images: expect.stringMatching(/exactly one/) });
    // Whether a mode takes elements is the provider's answer (checkProviderSupport); each element's shape is checked here.
    expect(check("edit", [image(1)], [element()])).toBeNull();
    expect(check("text-to-image", [], [element()], "@element1 on a bench")).toBeNull();
    expect(check("text-to-image", [], [element({ frontalImageUrl: "" })])).toEqual({ "elements.0.frontalImageUrl": expect.any(String) });
  });

  it("multi-reference: 1–10 images and elements together, ≤ 3 extra views per element", () => {
    expect(check("multi-reference", [])).toEqual({ images: expect.stringMatching(/at least one/) });
    expect(check("multi-reference", [], [element()])).toBeNull();
    expect(check("multi-reference", Array.from({ length: 10 }, (_, i) => image(i)))).toBeNull();
    expect(check("multi-reference", Array.from({ length: 7 }, (_, i) => image(i)), [element(), element(), element()])).toBeNull();
    expect(check("multi-reference", Array.from({ length: 8 }, (_, i) => image(i)), [element(), element(), element()])).toEqual({ images: expect.stringMatching(/at most 10 \(got 11\)/) });
    expect(check("multi-reference", [], [element({ referenceImageUrls: ["a", "b", "c", "d"] })])).toEqual({ "elements.0.referenceImageUrls": expect.any(String) });
    expect(check("multi-reference", [], [element({ frontalImageUrl: "" })])).toEqual({ "elements.0.frontalImageUrl": expect.any(String) });
  });

  it("checks @imageN / @elementN references against the inputs", () => {
    expect(check("multi-reference", [image(1), image(2)], [element()], "@image2 wears @Element1")).toBeNull();
    expect(check("multi-reference", [image(1)], [], "@image2 on a beach")).toEqual({ prompt: expect.stringMatching(/image 2, but 1/) });
    expect(check("text-to-image", [], [], "logo of @element1")).toEqual({ prompt: expect.any(String) });
  });
});

describe("rewritePromptReferences", () => {
  const prompt = "Put @image1 next to @Element2 in the style of @IMAGE10.";
  it("speaks each provider's syntax", () => {
    expect(rewritePromptReferences(prompt, "kling")).toBe("Put <<<image_1>>> next to <<<element_2>>> in the style of <<<image_10>>>.");
    expect(rewritePromptReferences(prompt, "fal")).toBe("Put @Image1 next to @Element2 in the style of @Image10.");
    expect(rewritePromptReferences("(hero) @element1", "segmind")).toBe("(hero) (element1)");
    expect(rewritePromptReferences(prompt, "plain")).toBe(prompt);
  });
  it("leaves look-alikes alone", () => {
    expect(rewritePromptReferences("mail me@image1x.com", "kling")).toBe("mail me@image1x.com");
    expect(checkPromptReferences("no refs", { images: 0, elements: 0 })).toBeNull();
  });
});

describe("nameElementsInPrompt (WaveSpeed: the element's name, no syntax)", () => {
  it("puts each element's name where the prompt says @elementN and leaves @imageN alone", () => {
    expect(nameElementsInPrompt("@Element2 hands @element1 a cup in @image1", ["Mira", "Old Tom"])).toBe("Old Tom hands Mira a cup in @image1");
    expect(nameElementsInPrompt("@element10 waves", Array.from({ length: 10 }, (_, i) => `E${i + 1}`))).toBe("E10 waves");
    // Not a reference (letters follow), or an element without a name: left as written.
    expect(nameElementsInPrompt("@element1x and @element2", ["A", " "])).toBe("@element1x and @element2");
  });
});
